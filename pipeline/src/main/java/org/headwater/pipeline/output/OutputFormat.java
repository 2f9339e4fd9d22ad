package org.headwater.pipeline.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.VariableRecord;

/**
 * How one file format is written: what the runner calls, in this order, for each output of that
 * format. A new format is a package under {@code format/} with one implementation, registered in
 * {@link OutputFormats}.
 */
public interface OutputFormat {
  /**
   * Checks the output against the dataset, creates any metadata the tasks share (in {@code
   * target}, under staging) and splits the writing into tasks.
   *
   * @throws OutputException naming the output, variable or dimension that cannot be written
   */
  List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target);

  /** Runs one task of {@link #prepare}, reading its region from {@code data}. */
  Written write(Dataset data, OutputSpec spec, Path target, WriteTask task) throws IOException;

  /** Completes an output once all its tasks have run (e.g. consolidated metadata). */
  default void finish(Path target) throws IOException {}

  /** The files the output consists of, relative to {@code outputs/}; the run commits them. */
  default List<String> files(OutputSpec spec) {
    return List.of(spec.path());
  }

  /** The variables as the written files name and type them, for the run record. */
  List<VariableRecord> describe(DatasetSchema schema);
}
