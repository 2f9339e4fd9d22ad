package org.headwater.pipeline.api;

import java.util.List;
import java.util.Map;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.SourceSpec;

/**
 * Reading source datasets into, and writing outputs out of, a Headwater run in Beam's idiom:
 *
 * <pre>{@code
 * PCollection<DatasetPlan> speed = p.apply("ReadSpeed",
 *     HeadwaterIO.read("speed")
 *         .from("https://host/speed_member{member:02d}.nc")
 *         .withConcatDimension("member", List.of("1", "2", "3"), true)
 *         .withSourceOfTruth("https://doi.org/10.5072/example")
 *         .skipMissing());
 * speed.apply(HeadwaterIO.writeZarr("speed").withChunks(Map.of("member", 1)));
 * }</pre>
 *
 * A {@link org.headwater.pipeline.plan.DatasetPlan} is a lazy dataset: how its files combine, the
 * steps applied so far and its schema, with the inputs it read for provenance. Data are read chunk
 * by chunk only when an output is written.
 */
public final class HeadwaterIO {
  private HeadwaterIO() {}

  /** Reads the source dataset {@code name} (the name steps, outputs and provenance use). */
  public static ReadDataset read(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "read: dataset name '" + name + "': use letters, digits, '.', '_' and '-'");
    }
    return new ReadDataset(new SourceSpec(name, "", "netcdf", null, List.of(), Map.of(),
        SourceSpec.MissingPolicy.FAIL, null, Map.of()), null);
  }

  /** Reads a recipe's source. */
  public static ReadDataset read(SourceSpec source) {
    return new ReadDataset(source, null);
  }

  /** A Zarr v2 store ({@code NAME.zarr}), chunked and compressed as the {@code withX} say. */
  public static WriteDataset writeZarr(String name) {
    return write(name, "zarr");
  }

  /** A NetCDF-3 classic file ({@code NAME.nc}). */
  public static WriteDataset writeNetcdf(String name) {
    return write(name, "netcdf3");
  }

  /** A NetCDF-4 file ({@code NAME.nc}), chunked and zlib-compressed as the {@code withX} say. */
  public static WriteDataset writeNetcdf4(String name) {
    return write(name, "netcdf4");
  }

  /** A CSV table ({@code NAME.csv}) with its column description ({@code NAME.columns.json}). */
  public static WriteDataset writeCsv(String name) {
    return write(name, "csv");
  }

  /**
   * Cloud-Optimized GeoTIFFs in the folder {@code NAME/}: one file per 2-D slice, or one file when
   * {@link WriteDataset#withBands} names a dimension.
   */
  public static WriteDataset writeGeoTiff(String name) {
    return write(name, "geotiff");
  }

  /** An output in {@code format}: {@code zarr}, {@code netcdf3}, {@code netcdf4}, {@code csv} or {@code geotiff}. */
  public static WriteDataset write(String name, String format) {
    return new WriteDataset(name, format, Map.of(), Map.of("id", "zlib", "level", 4), null);
  }

  /** A recipe's output. */
  public static WriteDataset write(OutputSpec output) {
    WriteDataset w = new WriteDataset(output.name(), output.format(), output.chunks(),
        output.compressor(), null);
    w = w.toPath(output.path());
    w = output.bands() == null ? w : w.withBands(output.bands());
    return output.location() == null ? w : w.toLocation(output.location());
  }
}
