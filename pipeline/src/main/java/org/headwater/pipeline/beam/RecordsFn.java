package org.headwater.pipeline.beam;

import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.headwater.pipeline.plan.RunRecordFiles;

/**
 * Hands the records a transform made (a dataset's plan with its inputs and resolved steps, an
 * output's record) to the run driver as files in the run's records directory, and passes each
 * element on unchanged.
 */
public final class RecordsFn<T> extends DoFn<T, T> {
  private final RunScope scope;
  private final String prefix;

  public RecordsFn(RunScope scope, String prefix) {
    this.scope = scope;
    this.prefix = prefix;
  }

  @ProcessElement
  public void process(@Element T record, OutputReceiver<T> out) throws IOException {
    RunRecordFiles.write(scope.records(), prefix, record);
    out.output(record);
  }
}
