package org.headwater.pipeline.format.zarr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.output.OutputFormat;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Describe;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.zarr.StoredFile;

/** Zarr v2 stores: one task per chunk of the split dimension, consolidated metadata at the end. */
public final class ZarrFormat implements OutputFormat {
  @Override
  public List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target) {
    ZarrOutput.prepare(plan.schema(), spec, target);
    return ZarrOutput.tasks(plan.schema(), spec);
  }

  @Override
  public Written write(Dataset data, OutputSpec spec, Path target, WriteTask task)
      throws IOException {
    List<StoredFile> files = ZarrOutput.write(data, spec, target, task);
    return new Written(files.size(), files);
  }

  @Override
  public void finish(Path target) {
    ZarrOutput.finish(target);
  }

  @Override
  public List<VariableRecord> describe(DatasetSchema schema) {
    return Describe.variables(schema);
  }
}
