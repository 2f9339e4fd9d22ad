package org.headwater.pipeline.beam;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.headwater.pipeline.combine.FileItem;
import org.headwater.pipeline.combine.Patterns;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.SourceResult;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.provenance.record.OutputRecord;

/**
 * A recipe's stages as Beam transforms, for people who write pipelines in code:
 *
 * <pre>{@code
 * PCollection<SourceResult> files = p.apply(HeadwaterTransforms.fetchSources(ctx));
 * PCollection<KV<String, DatasetPlan>> plans = files.apply(HeadwaterTransforms.planDatasets(ctx));
 * PCollection<OutputRecord> outputs = plans.apply(HeadwaterTransforms.writeOutputs(ctx));
 * }</pre>
 *
 * Each transform is a thin shell over plain functions ({@code Fetcher}, {@code Planner}, {@code
 * OutputFormats}); provenance records travel through the pipeline as elements.
 */
public final class HeadwaterTransforms {
  private HeadwaterTransforms() {}

  /** Expands every source's URL template, fetches the files and reads their headers. */
  public static FetchSources fetchSources(RunContext context) {
    return new FetchSources(context);
  }

  /** Combines each dataset's files and plans its steps. */
  public static PlanDatasets planDatasets(RunContext context) {
    return new PlanDatasets(context);
  }

  /** Writes every output chunk by chunk in parallel, then finishes and describes it. */
  public static WriteOutputs writeOutputs(RunContext context) {
    return new WriteOutputs(context);
  }

  /** See {@link #fetchSources}. */
  public static final class FetchSources extends PTransform<PBegin, PCollection<SourceResult>> {
    private final RunContext context;

    FetchSources(RunContext context) {
      super("FetchSources");
      this.context = context;
    }

    @Override
    public PCollection<SourceResult> expand(PBegin input) {
      List<FileItem> items = new ArrayList<>();
      for (SourceSpec s : context.recipe().sources()) {
        items.addAll(Patterns.expand(s, context.recipe().prune()));
      }
      int perHost = context.fetch().perHostConcurrency();
      List<KV<String, FileItem>> keyed = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        keyed.add(KV.of(host(items.get(i).url()) + "#" + (i % perHost), items.get(i)));
      }
      return input
          .apply(
              "ExpandTemplates",
              Create.of(keyed)
                  .withCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(FileItem.class))))
          .apply("ShardByHost", GroupByKey.create())
          .apply("Fetch", ParDo.of(new FetchFn(context)))
          .setCoder(SerializableCoder.of(SourceResult.class));
    }

    private static String host(String url) {
      try {
        String h = URI.create(url).getHost();
        return h == null ? "local" : h;
      } catch (IllegalArgumentException e) {
        return "local";
      }
    }
  }

  /** See {@link #planDatasets}. */
  public static final class PlanDatasets
      extends PTransform<PCollection<SourceResult>, PCollection<KV<String, DatasetPlan>>> {
    private final RunContext context;

    PlanDatasets(RunContext context) {
      super("PlanDatasets");
      this.context = context;
    }

    @Override
    public PCollection<KV<String, DatasetPlan>> expand(PCollection<SourceResult> input) {
      return input
          .apply("ByDataset", WithKeys.of(SourceResult::dataset).withKeyType(TypeDescriptors.strings()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(SourceResult.class)))
          .apply("GroupFiles", GroupByKey.create())
          .apply("Plan", ParDo.of(new PlanFn(context)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(DatasetPlan.class)));
    }
  }

  /** See {@link #writeOutputs}. */
  public static final class WriteOutputs
      extends PTransform<PCollection<KV<String, DatasetPlan>>, PCollection<OutputRecord>> {
    private final RunContext context;

    WriteOutputs(RunContext context) {
      super("WriteOutputs");
      this.context = context;
    }

    @Override
    public PCollection<OutputRecord> expand(PCollection<KV<String, DatasetPlan>> plans) {
      PCollectionView<Map<String, DatasetPlan>> view = plans.apply("PlansView", View.asMap());
      return plans
          .apply("Prepare", ParDo.of(new PrepareFn(context)))
          .setCoder(SerializableCoder.of(WriteTask.class))
          .apply("Spread", Reshuffle.viaRandomKey())
          .apply("WriteChunks", ParDo.of(new WriteFn(context, view)).withSideInputs(view))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Written.class)))
          .apply("AwaitOutput", GroupByKey.create())
          .apply("Finish", ParDo.of(new FinalizeFn(context, view)).withSideInputs(view))
          .setCoder(SerializableCoder.of(OutputRecord.class));
    }
  }

  /** Builds the whole recipe into {@code p} and writes its records for the run driver. */
  public static void build(org.apache.beam.sdk.Pipeline p, RunContext context) {
    PCollection<KV<String, DatasetPlan>> plans =
        p.apply(fetchSources(context)).apply(planDatasets(context));
    plans
        .apply("PlanValues", org.apache.beam.sdk.transforms.Values.create())
        .setCoder(SerializableCoder.of(DatasetPlan.class))
        .apply("RecordPlans", ParDo.of(new RecordsFn<DatasetPlan>(context, "plan")));
    plans
        .apply(writeOutputs(context))
        .apply("RecordOutputs", ParDo.of(new RecordsFn<OutputRecord>(context, "output")));
  }
}
