package org.headwater.pipeline.beam;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.headwater.pipeline.plan.RunRecordFiles;

/** Writes records produced in the pipeline into the run's records directory. */
final class RecordsFn<T> extends DoFn<T, Void> {
  private final RunContext context;
  private final String prefix;

  RecordsFn(RunContext context, String prefix) {
    this.context = context;
    this.prefix = prefix;
  }

  @ProcessElement
  public void process(@Element T record) throws IOException {
    RunRecordFiles.write(Path.of(context.records()), prefix, record);
  }
}
