package org.headwater.pipeline.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The pipeline option through which Headwater's transforms find the run they belong to while the
 * pipeline is built. It lives only in the driver ({@code @JsonIgnore}: never serialised to
 * workers); what workers need is handed to each DoFn as a value when the transform expands.
 */
@Hidden
public interface HeadwaterOptions extends PipelineOptions {
  @JsonIgnore
  @Description("The Headwater run this pipeline is built for (set by HeadwaterRun.newPipeline)")
  HeadwaterRun getHeadwaterRun();

  void setHeadwaterRun(HeadwaterRun run);
}
