package org.headwater.pipeline.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.format.csv.CsvOutput;
import org.headwater.pipeline.format.netcdf.NetcdfOutput;
import org.headwater.pipeline.format.zarr.ZarrOutput;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Describe;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.zarr.StoredFile;

/** Dispatches the three writing phases to the output's format. */
public final class OutputFormats {
  /** Outputs land under this folder of the run directory. */
  public static final String OUTPUTS = "outputs";

  private OutputFormats() {}

  /** Creates staging metadata and returns the output's tasks. */
  public static List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target) {
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new OutputException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
    }
    switch (spec.format()) {
      case "zarr":
        ZarrOutput.prepare(plan.schema(), spec, target);
        return ZarrOutput.tasks(plan.schema(), spec);
      case "netcdf3":
      case "netcdf4":
        Chunking.check(plan.schema(), spec);
        NetcdfOutput.checkNames(plan.schema(), spec);
        NetcdfOutput.checkTypes(plan.schema(), spec);
        return List.of(new WriteTask(spec.name(), spec.dataset(), null, -1));
      case "csv":
        CsvOutput.check(plan.schema(), spec.name());
        return List.of(new WriteTask(spec.name(), spec.dataset(), null, -1));
      default:
        throw new OutputException(
            "output '" + spec.name() + "': format '" + spec.format() + "' is not supported yet");
    }
  }

  /** Runs one task. */
  public static Written write(Dataset data, OutputSpec spec, Path target, WriteTask task)
      throws IOException {
    switch (spec.format()) {
      case "zarr":
        List<StoredFile> files = ZarrOutput.write(data, spec, target, task);
        return new Written(files.size(), files);
      case "csv":
        CsvOutput.write(data, spec.name(), target);
        return new Written(1, List.of());
      default:
        NetcdfOutput.write(data, spec, target);
        return new Written(1, List.of());
    }
  }

  /**
   * The files an output consists of, relative to the outputs folder: its path, and for CSV its
   * column description ({@code NAME.columns.json}) beside it. The run commits all of them.
   */
  public static List<String> files(OutputSpec spec) {
    if (spec.format().equals("csv")) {
      return List.of(spec.path(), CsvOutput.columnsFile(Path.of(spec.path())).toString());
    }
    return List.of(spec.path());
  }

  /**
   * Completes an output and describes it for the run record.
   *
   * @param written what its tasks wrote (their files' hashes are not computed again)
   */
  public static OutputRecord finish(Dataset data, OutputSpec spec, Path target, Iterable<Written> written)
      throws IOException {
    if (spec.format().equals("zarr")) {
      ZarrOutput.finish(target);
    }
    Map<String, Checksums.Known> known = new HashMap<>();
    for (Written w : written) {
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
        switch (spec.format()) {
          case "csv" -> CsvOutput.describe(data.schema());
          case "netcdf3", "netcdf4" -> NetcdfOutput.describe(data.schema());
          default -> Describe.variables(data.schema());
        },
        Describe.coverage(data));
  }
}
