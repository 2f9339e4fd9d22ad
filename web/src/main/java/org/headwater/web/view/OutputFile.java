package org.headwater.web.view;

/**
 * One output of a run.
 *
 * @param sha256 the content checksum (the page anchor)
 * @param title the output's name in the recipe, or null
 * @param path its path in the run directory, e.g. {@code outputs/speed.nc}
 * @param format e.g. {@code netcdf3}, {@code zarr}
 * @param size bytes, or null
 * @param location where it was written ({@code file:…}), or null
 */
public record OutputFile(String sha256, String title, String path, String format, Long size, String location) {
  /** Size for people: {@code 32.1 kB}. */
  public String sizeText() {
    return Sizes.text(size);
  }
}
