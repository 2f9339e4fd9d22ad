package org.headwater.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives as they are (issue 14): sources written by netCDF-C (netCDF4-python, {@code
 * src/test/resources/archives/make_archives.py}), converted to Zarr and NetCDF-4, and each output
 * compared by {@code compare.py} with xarray's own reading of the sources: values, dtype,
 * attributes, encoding (packing, {@code _FillValue}, {@code missing_value}), time units and
 * calendar, and no format-internal attribute.
 *
 * <p>The ensemble and the sea-ice recipes each write a Zarr store and a NetCDF-4 file in one run,
 * and the first run writes NetCDF-4 only: a JVM that had loaded libnetcdf used to crash in its next
 * JNA call (JNA 4.1.0's libffi symbols were interposed by Debian's libffi.so.8; see the JNA pin in
 * the root pom.xml), so these runs also hold that crash fixed.
 */
class ArchiveRoundTripIT {
  @TempDir static Path tmp;
  static Path src;
  static RunResult ensembleRun;
  static RunResult seaIceRun;
  static RunResult seaIce3Nc;
  static RunResult zarrSourceNc;
  static RunResult csvNc;

  @BeforeAll
  static void writeSourcesAndRun() throws IOException {
    Python.require("python3-xarray python3-zarr python3-netcdf4 python3-dask",
        "xarray", "zarr", "netCDF4", "dask");
    src = tmp.resolve("src");
    Python.run(script("make_archives.py"), src.toString());
    seaIce3Nc = Recipes.run(
        seaIce("seaice3", "  - {name: n, format: netcdf4, path: sic3.nc}\n"), tmp.resolve("w5"));
    ensembleRun = Recipes.run(
        ensemble("  - {name: ens, format: zarr, path: ens.zarr, chunks: {id: 2}}\n"
            + "  - {name: ens-nc, format: netcdf4, path: ens.nc, chunks: {id: 1, time: 1}}\n"), tmp.resolve("w1"));
    seaIceRun = Recipes.run(seaIce("seaice", "  - {name: z, format: zarr, path: sic.zarr, chunks: {time: 2}}\n"
        + "  - {name: n, format: netcdf4, path: sic.nc, chunks: {time: 3},"
        + " compressor: {id: zlib, level: 6, shuffle: false}}\n"), tmp.resolve("w2"));
    zarrSourceNc = Recipes.run(
        "id: fromzarr\nsources:\n  url: \"" + seaIceRun.runDir().resolve("outputs/sic.zarr").toUri() + "\"\n"
            + "  file_type: zarr\noutputs:\n  - {name: n, format: netcdf4, path: fromzarr.nc}\n",
        tmp.resolve("w6"));
    csvNc = Recipes.run(
        "id: fromcsv\nsources:\n  url: \"" + src.resolve("table/obs.csv").toUri() + "\"\n"
            + "outputs:\n  - {name: n, format: netcdf4, path: obs.nc}\n",
        tmp.resolve("w7"));
  }

  @Test
  void ensembleOfNetcdf4ClassicMembersKeepsCalendarFillAndMissingValue() throws IOException {
    assertThat(problems("ensemble", "ensemble", ensembleRun, "ens.zarr")).isEmpty();
    assertThat(problems("ensemble", "ensemble", ensembleRun, "ens.nc")).isEmpty();
    String nc = ensembleRun.runDir().resolve("outputs/ens.nc").toString();
    // the output's chunks for id and time; y and x whole (the sources are contiguous); zlib 4
    assertThat(Python.run(CHUNKING, nc, "thk").trim()).isEqualTo("[1, 1, 12, 10] 4 True");
  }

  @Test
  void dailyPackedSeaIceStaysInt16InZarrAndNetcdf4() throws IOException {
    assertThat(problems("seaice", "seaice", seaIceRun, "sic.zarr")).isEmpty();
    assertThat(problems("seaice", "seaice", seaIceRun, "sic.nc")).isEmpty();
    String nc = seaIceRun.runDir().resolve("outputs/sic.nc").toString();
    // the output's chunks along time; the source's 6-row chunks of y, where they fit
    assertThat(Python.run(CHUNKING, nc, "sic").trim()).isEqualTo("[3, 6, 10] 6 False");
    String zarr = Python.run(
        "import sys, json; m = json.load(open(sys.argv[1] + '/sic/.zarray')); print(m['dtype'], m['fill_value'])",
        seaIceRun.runDir().resolve("outputs/sic.zarr").toString());
    assertThat(zarr.trim()).isEqualTo("<i2 -32767");
  }

  @Test
  void netcdf3SourcesWriteNetcdf4() throws IOException {
    assertThat(problems("seaice", "seaice3", seaIce3Nc, "sic3.nc")).isEmpty();
  }

  @Test
  void zarrSourceWritesNetcdf4WithThePackingKept() throws IOException {
    assertThat(problems("seaice", "seaice", zarrSourceNc, "fromzarr.nc")).isEmpty();
  }

  @Test
  void csvSourceWritesNetcdf4() {
    String out = Python.run(String.join("\n",
        "import sys, numpy as np, pandas as pd, xarray as xr",
        "t = pd.read_csv(sys.argv[1])",
        "d = xr.open_dataset(sys.argv[2])",
        "for c in t.columns:",
        "    np.testing.assert_array_equal(d[c].values, t[c].values)",
        "    assert d[c].dtype.kind == t[c].dtype.kind, (c, d[c].dtype, t[c].dtype)",
        "print(sorted(d.data_vars), d.sizes['row'])"),
        src.resolve("table/obs.csv").toString(), csvNc.runDir().resolve("outputs/obs.nc").toString());
    assertThat(out.trim()).isEqualTo("['mass', 'uncertainty', 'year'] 8");
  }

  static final String CHUNKING = String.join("\n",
      "import sys, netCDF4",
      "with netCDF4.Dataset(sys.argv[1]) as d:",
      "    v = d[sys.argv[2]]",
      "    f = v.filters()",
      "    print(v.chunking(), f['complevel'], f['shuffle'])");

  private static String ensemble(String outputs) {
    return "id: ensemble\nsources:\n  url: \"" + src.toUri() + "ensemble/thk_id{id:02d}.nc\"\n"
        + "  dimensions: [{name: id, new: true, range: {start: 1, end: 6}}]\n"
        + "  missing: skip\n"
        + "outputs:\n" + outputs;
  }

  private static String seaIce(String folder, String outputs) {
    return "id: seaice\nsources:\n  url: \"" + src.toUri() + folder + "/sic_{time:02d}.nc\"\n"
        + "  dimensions: [{name: time, kind: concat, range: {start: 0, end: 5}}]\n"
        + "outputs:\n" + outputs;
  }

  private static List<String> problems(String kind, String folder, RunResult r, String... outputs)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(kind, src.resolve(folder).toString()));
    for (String o : outputs) {
      args.add(r.runDir().resolve("outputs").resolve(o).toString());
    }
    String json = Python.run(script("compare.py"), args.toArray(String[]::new));
    List<String> out = new ArrayList<>();
    new ObjectMapper().readTree(json).forEach(n -> out.add(n.asText()));
    return out;
  }

  static String script(String name) throws IOException {
    try (InputStream in = ArchiveRoundTripIT.class.getResourceAsStream("/archives/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
