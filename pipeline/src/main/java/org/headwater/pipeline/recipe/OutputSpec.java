package org.headwater.pipeline.recipe;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A recipe output.
 *
 * @param name the output's name; also its file name stem under {@code outputs/}
 * @param dataset the source dataset it writes (after the steps)
 * @param format {@code zarr}, {@code netcdf3}, {@code netcdf4}, {@code csv} or {@code geotiff}
 * @param chunks target chunk length by dimension; dimensions not named are not split
 * @param compressor compressor settings: {@code id} (zlib, zstd, blosc, none) and its options
 * @param path the file name under {@code outputs/}
 * @param location an object-store prefix ({@code s3://bucket/prefix}) the finished output is
 *     uploaded under (as {@code location/path}) once the run has committed, or null
 * @param bands for GeoTIFF, the dimension whose positions become bands (else null: one file per
 *     2-D slice)
 */
public record OutputSpec(
    String name,
    String dataset,
    String format,
    Map<String, Integer> chunks,
    Map<String, Object> compressor,
    String path,
    String location,
    String bands)
    implements Serializable {
  public OutputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    chunks = Map.copyOf(chunks);
    compressor = Map.copyOf(compressor);
  }

  /** An output kept in the run directory only, with no {@code bands:}. */
  public OutputSpec(
      String name,
      String dataset,
      String format,
      Map<String, Integer> chunks,
      Map<String, Object> compressor,
      String path) {
    this(name, dataset, format, chunks, compressor, path, null, null);
  }
}
