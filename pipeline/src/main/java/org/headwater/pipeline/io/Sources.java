package org.headwater.pipeline.io;

import java.nio.file.Path;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.format.csv.CsvOptions;
import org.headwater.pipeline.format.csv.CsvSource;
import org.headwater.pipeline.format.netcdf.NetcdfSource;
import org.headwater.pipeline.format.zarr.ZarrSource;
import org.headwater.pipeline.recipe.SourceSpec;

/** Opens a fetched source file as a {@link Dataset} by its declared file type. */
public final class Sources {
  private Sources() {}

  /**
   * Opens a local copy of a source.
   *
   * @param source the recipe source (its file type and options)
   * @param local the local path
   * @param label the URL, for messages
   */
  public static Dataset open(SourceSpec source, String local, String label) {
    if (source.fileType().equals("csv")) {
      return CsvSource.open(Path.of(local), label, CsvOptions.of(source.options(), label));
    }
    return open(source.fileType(), local, label);
  }

  public static Dataset open(String fileType, String local, String label) {
    switch (fileType) {
      case "netcdf":
        return NetcdfSource.open(Path.of(local), label);
      case "zarr":
        return ZarrSource.open(Path.of(local), label);
      case "csv":
        return CsvSource.open(Path.of(local), label, CsvOptions.of(java.util.Map.of(), label));
      default:
        throw new SourceException(
            label + ": file type '" + fileType + "' cannot be read; use netcdf, zarr or csv");
    }
  }
}
