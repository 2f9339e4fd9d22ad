package org.headwater.provenance.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One output of a run.
 *
 * @param name the output's name in the recipe
 * @param path path relative to the run directory, e.g. {@code outputs/speed.zarr}
 * @param format {@code zarr}, {@code netcdf3}, {@code netcdf4} or {@code csv}
 * @param sha256 SHA-256 (hex) of the file; for a Zarr store, of its sorted manifest of file hashes
 * @param size size in bytes (for a Zarr store, the sum of its files)
 * @param variables the variables (or CSV columns) of the output, with their lineage
 * @param coverage the output's spatial and temporal extent, or null when it has none
 * @param location the object-store URL the output was uploaded to ({@code s3://bucket/key}), or
 *     null when it is kept in the run directory only
 * @param rasters for a {@code geotiff} output, its files with their grids; else empty
 */
public record OutputRecord(
    String name,
    String path,
    String format,
    String sha256,
    long size,
    List<VariableRecord> variables,
    Coverage coverage,
    @JsonInclude(JsonInclude.Include.NON_NULL) String location,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RasterRecord> rasters)
    implements Serializable {

  public OutputRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    variables = List.copyOf(variables == null ? List.of() : variables);
    rasters = List.copyOf(rasters == null ? List.of() : rasters);
  }

  /** An output that is not a raster folder. */
  public OutputRecord(
      String name,
      String path,
      String format,
      String sha256,
      long size,
      List<VariableRecord> variables,
      Coverage coverage,
      String location) {
    this(name, path, format, sha256, size, variables, coverage, location, List.of());
  }

  /** An output kept in the run directory only. */
  public OutputRecord(
      String name,
      String path,
      String format,
      String sha256,
      long size,
      List<VariableRecord> variables,
      Coverage coverage) {
    this(name, path, format, sha256, size, variables, coverage, null, List.of());
  }
}
