package org.headwater.pipeline.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.format.csv.CsvOptions;
import org.headwater.pipeline.format.csv.CsvSource;
import org.headwater.pipeline.format.netcdf.NetcdfSource;
import org.headwater.pipeline.format.zarr.ZarrSource;
import org.headwater.pipeline.recipe.SourceSpec;

/** The registry of source formats: opens a fetched source file by its declared file type. */
public final class Sources {
  private static final Map<String, SourceFormat> FORMATS =
      Map.of(
          "netcdf", (local, label, options) -> NetcdfSource.open(local, label),
          "zarr", (local, label, options) -> ZarrSource.open(local, label),
          "csv",
          (local, label, options) -> CsvSource.open(local, label, CsvOptions.of(options, label)));

  private Sources() {}

  /**
   * Opens a local copy of a source.
   *
   * @param source the recipe source (its file type and options)
   * @param local the local path
   * @param label the URL, for messages
   */
  public static Dataset open(SourceSpec source, String local, String label) {
    return format(source.fileType(), label).open(Path.of(local), label, source.options());
  }

  public static Dataset open(String fileType, String local, String label) {
    return format(fileType, label).open(Path.of(local), label, Map.of());
  }

  private static SourceFormat format(String fileType, String label) {
    SourceFormat f = FORMATS.get(fileType);
    if (f == null) {
      throw new SourceException(
          label + ": file type '" + fileType + "' cannot be read; use one of "
              + new TreeSet<>(FORMATS.keySet()));
    }
    return f;
  }
}
