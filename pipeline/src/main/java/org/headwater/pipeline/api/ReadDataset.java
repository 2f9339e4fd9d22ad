package org.headwater.pipeline.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.headwater.pipeline.beam.FetchFn;
import org.headwater.pipeline.beam.PlanFn;
import org.headwater.pipeline.beam.RecordsFn;
import org.headwater.pipeline.beam.RunScope;
import org.headwater.pipeline.combine.FileItem;
import org.headwater.pipeline.combine.Patterns;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.SourceResult;
import org.headwater.pipeline.recipe.DimensionSpec;
import org.headwater.pipeline.recipe.SourceSpec;

/**
 * Reads one source dataset: expands its URL template, fetches every file (through the
 * content-addressed cache, with retries, at most {@code perHostConcurrency} at once per host),
 * checks each against its expected SHA-256, reads the headers and combines the files into one
 * lazy dataset ({@link DatasetPlan}). No data are read until an output is written. Make it with
 * {@link HeadwaterIO#read(String)}.
 */
public final class ReadDataset extends PTransform<PBegin, PCollection<DatasetPlan>> {
  private final SourceSpec spec;
  private final String cacheDir;

  ReadDataset(SourceSpec spec, String cacheDir) {
    this.spec = spec;
    this.cacheDir = cacheDir;
  }

  /** The URL template: {@code {dimension}} or {@code {dimension:03d}} per dimension. Required. */
  public ReadDataset from(String urlTemplate) {
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    return with(urlTemplate, spec.fileType(), spec.sourceOfTruth(), spec.dimensions(), spec.sha256(),
        spec.missing(), spec.options());
  }

  /** {@code netcdf} (the default), {@code zarr} or {@code csv}. */
  public ReadDataset withFileType(String fileType) {
    if (!List.of("netcdf", "zarr", "csv").contains(fileType)) {
      throw new IllegalArgumentException("withFileType: '" + fileType + "' is not netcdf, zarr or csv");
    }
    return with(spec.urlTemplate(), fileType, spec.sourceOfTruth(), spec.dimensions(), spec.sha256(),
        spec.missing(), spec.options());
  }

  /** The DOI or landing URL of the archived dataset the files belong to (recorded in PROV). */
  public ReadDataset withSourceOfTruth(String doiOrUrl) {
    return with(spec.urlTemplate(), spec.fileType(), doiOrUrl, spec.dimensions(), spec.sha256(),
        spec.missing(), spec.options());
  }

  /**
   * Files along {@code name} are concatenated along that dimension, one file per key; {@code
   * newDimension} when the files do not have it (an ensemble {@code member}).
   */
  public ReadDataset withConcatDimension(String name, List<String> keys, boolean newDimension) {
    return withDimension(new DimensionSpec(name, DimensionSpec.Kind.CONCAT, keys, newDimension));
  }

  /** Files along {@code name} hold different variables and are merged, one file per key. */
  public ReadDataset withMergeDimension(String name, List<String> keys) {
    return withDimension(new DimensionSpec(name, DimensionSpec.Kind.MERGE, keys, false));
  }

  private ReadDataset withDimension(DimensionSpec d) {
    if (d.keys().isEmpty()) {
      throw new IllegalArgumentException("dimension '" + d.name() + "': no keys");
    }
    List<DimensionSpec> dims = new ArrayList<>(spec.dimensions());
    dims.add(d);
    return with(spec.urlTemplate(), spec.fileType(), spec.sourceOfTruth(), dims, spec.sha256(),
        spec.missing(), spec.options());
  }

  /** Expected SHA-256 (hex) by URL or file name; a file that differs fails the run. */
  public ReadDataset withChecksums(Map<String, String> sha256) {
    return with(spec.urlTemplate(), spec.fileType(), spec.sourceOfTruth(), spec.dimensions(), sha256,
        spec.missing(), spec.options());
  }

  /** Leaves out files that do not exist (recorded in run.json); by default they fail the run. */
  public ReadDataset skipMissing() {
    return with(spec.urlTemplate(), spec.fileType(), spec.sourceOfTruth(), spec.dimensions(),
        spec.sha256(), SourceSpec.MissingPolicy.SKIP, spec.options());
  }

  /** File-type options, as a recipe's {@code options:} (e.g. CSV {@code missing}, {@code columns}). */
  public ReadDataset withOptions(Map<String, Object> options) {
    return with(spec.urlTemplate(), spec.fileType(), spec.sourceOfTruth(), spec.dimensions(),
        spec.sha256(), spec.missing(), options);
  }

  /** The download cache directory; by default the run's ({@code work/cache}). */
  public ReadDataset withCache(String directory) {
    return new ReadDataset(spec, Objects.requireNonNull(directory, "directory"));
  }

  private ReadDataset with(String url, String type, String truth, List<DimensionSpec> dims,
      Map<String, String> sha, SourceSpec.MissingPolicy missing, Map<String, Object> opts) {
    return new ReadDataset(new SourceSpec(spec.name(), url, type, truth, dims, sha, missing,
        spec.authEnv(), new LinkedHashMap<>(opts)), cacheDir);
  }

  @Override
  public PCollection<DatasetPlan> expand(PBegin input) {
    if (spec.urlTemplate().isEmpty()) {
      throw new IllegalArgumentException(
          getName() + ": dataset '" + spec.name() + "' has no URL; give one with from(...)");
    }
    HeadwaterRun run = HeadwaterRun.of(input.getPipeline(), getName());
    FetchOptions fetch = run.fetchOptions();
    if (cacheDir != null) {
      fetch = new FetchOptions(cacheDir, fetch.connectTimeout(), fetch.readTimeout(),
          fetch.maxAttempts(), fetch.initialBackoff(), fetch.perHostConcurrency(), fetch.secrets(),
          fetch.storage());
    }
    try {
      // made here, on the driver: the workers that fetch check that they see it (WorkerPaths)
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(fetch.cacheDir()).toAbsolutePath());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          getName() + ": cannot create the cache directory " + fetch.cacheDir() + ": " + e.getMessage(), e);
    }
    RunScope scope = run.scope(fetch);
    List<FileItem> items = Patterns.expand(spec, run.prune());
    List<KV<String, FileItem>> keyed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      keyed.add(KV.of(host(items.get(i).url()) + "#" + (i % fetch.perHostConcurrency()), items.get(i)));
    }
    PCollection<DatasetPlan> plans = input
        .apply("ExpandTemplate", Create.of(keyed)
            .withCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(FileItem.class))))
        .apply("ShardByHost", GroupByKey.create())
        .apply("Fetch", ParDo.of(new FetchFn(scope, spec)))
        .setCoder(SerializableCoder.of(SourceResult.class))
        .apply("ByDataset", WithKeys.of(SourceResult::dataset).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(SourceResult.class)))
        .apply("GroupFiles", GroupByKey.create())
        .apply("Combine", ParDo.of(new PlanFn(spec)))
        .setCoder(SerializableCoder.of(DatasetPlan.class))
        .apply("RecordPlan", ParDo.of(new RecordsFn<DatasetPlan>(scope, RunScope.PLAN_RECORDS)))
        .setCoder(SerializableCoder.of(DatasetPlan.class));
    run.declareSource(spec, plans, getName());
    return plans;
  }

  @Override
  protected String getKindString() {
    return "HeadwaterIO.read(" + spec.name() + ")";
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
