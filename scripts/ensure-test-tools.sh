#!/usr/bin/env bash
# Installs the Debian packages Headwater's end-to-end tests use (independent readers and
# external tools), when they are missing. Runs from the Maven build (validate phase) so that
# `./mvnw verify` works on a fresh Debian machine; as non-root it only says what to install.
set -euo pipefail
PKGS=(netcdf-bin libnetcdf-dev libdeflate0 python3-xarray python3-zarr python3-netcdf4 python3-dask
      python3-rdflib python3-psutil libxml2-utils graphviz nco gdal-bin python3-gdal python3-rasterio
      curl time chromium chromium-driver)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing test tools: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "headwater: the end-to-end tests need these Debian packages: ${missing[*]}" >&2
  echo "           install them with: sudo apt-get install ${missing[*]}" >&2
fi
