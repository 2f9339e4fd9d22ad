package org.headwater.pipeline.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.output.OutputFormat;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.VariableRecord;

/** CSV tables, with their column description ({@code NAME.columns.json}) beside them. */
public final class CsvFormat implements OutputFormat {
  @Override
  public List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target) {
    CsvOutput.check(plan.schema(), spec.name());
    return List.of(new WriteTask(spec.name(), spec.dataset(), null, -1));
  }

  @Override
  public Written write(Dataset data, OutputSpec spec, Path target, WriteTask task)
      throws IOException {
    CsvOutput.write(data, spec.name(), target);
    return new Written(1, List.of());
  }

  @Override
  public List<String> files(OutputSpec spec) {
    return List.of(spec.path(), CsvOutput.columnsFile(Path.of(spec.path())).toString());
  }

  @Override
  public List<VariableRecord> describe(DatasetSchema schema) {
    return CsvOutput.describe(schema);
  }
}
