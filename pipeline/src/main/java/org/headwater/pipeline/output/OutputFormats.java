package org.headwater.pipeline.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.format.csv.CsvFormat;
import org.headwater.pipeline.format.geotiff.GeoTiffFormat;
import org.headwater.pipeline.format.netcdf.NetcdfFormat;
import org.headwater.pipeline.format.zarr.ZarrFormat;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Describe;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.storage.ObjectUrl;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.zarr.StoredFile;

/**
 * The registry of output formats, by the recipe's {@code format:} name, and the three writing
 * phases the runner calls on them. A new format is registered here and lives in its own package
 * under {@code format/}.
 */
public final class OutputFormats {
  /** Outputs land under this folder of the run directory. */
  public static final String OUTPUTS = "outputs";

  private static final Map<String, OutputFormat> FORMATS =
      Map.of(
          "zarr", new ZarrFormat(),
          "netcdf3", new NetcdfFormat(),
          "netcdf4", new NetcdfFormat(),
          "csv", new CsvFormat(),
          "geotiff", new GeoTiffFormat());

  private OutputFormats() {}

  /** The format an output is written in. */
  public static OutputFormat of(OutputSpec spec) {
    OutputFormat f = FORMATS.get(spec.format());
    if (f == null) {
      throw new OutputException(
          "output '" + spec.name() + "': format '" + spec.format() + "' is not supported yet;"
              + " use one of " + new TreeSet<>(FORMATS.keySet()));
    }
    return f;
  }

  /** Creates staging metadata and returns the output's tasks. */
  public static List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target) {
    OutputFormat format = of(spec);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new OutputException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
    }
    return format.prepare(plan, spec, target);
  }

  /** Runs one task. */
  public static Written write(Dataset data, OutputSpec spec, Path target, WriteTask task)
      throws IOException {
    return of(spec).write(data, spec, target, task);
  }

  /**
   * The files an output consists of, relative to the outputs folder: its path, and for CSV its
   * column description ({@code NAME.columns.json}) beside it. The run commits all of them.
   */
  public static List<String> files(OutputSpec spec) {
    return of(spec).files(spec);
  }

  /**
   * Completes an output and describes it for the run record.
   *
   * @param written what its tasks wrote (their files' hashes are not computed again)
   */
  public static OutputRecord finish(Dataset data, OutputSpec spec, Path target, Iterable<Written> written)
      throws IOException {
    OutputFormat format = of(spec);
    format.finish(target);
    Map<String, Checksums.Known> known = new HashMap<>();
    List<RasterRecord> rasters = new ArrayList<>();
    for (Written w : written) {
      rasters.addAll(w.rasters());
      for (StoredFile f : w.files()) {
        known.put(f.path(), new Checksums.Known(f.size(), f.sha256()));
      }
    }
    String sha = Checksums.sha256(target, known);
    long size = Hashing.size(target);
    return new OutputRecord(
        spec.name(),
        OUTPUTS + "/" + spec.path(),
        spec.format(),
        sha,
        size,
        format.describe(data.schema()),
        Describe.coverage(data),
        spec.location() == null ? null : ObjectUrl.parse(spec.location()).resolve(spec.path()).toString(),
        rasters.stream().sorted(Comparator.comparing(RasterRecord::file)).toList());
  }
}
