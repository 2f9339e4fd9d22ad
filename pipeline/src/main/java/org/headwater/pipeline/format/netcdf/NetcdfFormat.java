package org.headwater.pipeline.format.netcdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.output.Chunking;
import org.headwater.pipeline.output.OutputFormat;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.VariableRecord;

/** NetCDF-3 and NetCDF-4 files, each written by one task. */
public final class NetcdfFormat implements OutputFormat {
  @Override
  public List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target) {
    Chunking.check(plan.schema(), spec);
    NetcdfOutput.checkNames(plan.schema(), spec);
    NetcdfOutput.checkTypes(plan.schema(), spec);
    return List.of(new WriteTask(spec.name(), spec.dataset(), null, -1));
  }

  @Override
  public Written write(Dataset data, OutputSpec spec, Path target, WriteTask task)
      throws IOException {
    NetcdfOutput.write(data, spec, target);
    return new Written(1, List.of());
  }

  @Override
  public List<VariableRecord> describe(DatasetSchema schema) {
    return NetcdfOutput.describe(schema);
  }
}
