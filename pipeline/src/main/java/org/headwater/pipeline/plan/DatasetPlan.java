package org.headwater.pipeline.plan;

import java.io.Serializable;
import java.util.List;
import org.headwater.pipeline.combine.Combined;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.SkippedInput;

/**
 * Everything a worker needs to read one source dataset after its steps: how the files combine,
 * the steps, and the resulting schema; plus the input records for provenance.
 *
 * @param source the recipe source
 * @param combined how its files combine
 * @param steps the steps that apply to it
 * @param schema the schema after the steps
 * @param inputs the files read
 * @param skipped the files missing and skipped
 */
public record DatasetPlan(
    SourceSpec source,
    Combined combined,
    List<StepSpec> steps,
    DatasetSchema schema,
    List<InputRecord> inputs,
    List<SkippedInput> skipped)
    implements Serializable {
  public DatasetPlan {
    steps = List.copyOf(steps);
    inputs = List.copyOf(inputs);
    skipped = List.copyOf(skipped);
  }

  public String dataset() {
    return source.name();
  }
}
