package org.headwater.pipeline.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.headwater.pipeline.beam.AnnotateFn;
import org.headwater.pipeline.beam.FinalizeFn;
import org.headwater.pipeline.beam.PrepareFn;
import org.headwater.pipeline.beam.RecordsFn;
import org.headwater.pipeline.beam.RunScope;
import org.headwater.pipeline.beam.WriteFn;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.OutputRecord;

/**
 * Writes one dataset as one output of the run: prepared once (e.g. Zarr metadata), split into
 * tasks (one per chunk of the split dimension) that run in parallel, each reading its region
 * through the lazy dataset and hashing what it writes; once every task is done the output is
 * finished (consolidated metadata) and described by an {@link OutputRecord}, the element this
 * transform emits. Outputs are staged and moved into {@code outputs/} only when the whole run
 * commits. The input must hold exactly one dataset. Make it with {@link HeadwaterIO#writeZarr},
 * {@link HeadwaterIO#writeNetcdf}, {@link HeadwaterIO#writeCsv} or {@link HeadwaterIO#write}.
 */
public final class WriteDataset extends PTransform<PCollection<DatasetPlan>, PCollection<OutputRecord>> {
  private final String name;
  private final String format;
  private final Map<String, Integer> chunks;
  private final Map<String, Object> compressor;
  private final String path;
  private final String location;
  private final String bands;

  WriteDataset(String name, String format, Map<String, Integer> chunks, Map<String, Object> compressor,
      String path) {
    this(name, format, chunks, compressor, path, null, null);
  }

  private WriteDataset(String name, String format, Map<String, Integer> chunks,
      Map<String, Object> compressor, String path, String location, String bands) {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("output name '" + name + "': give a name without '/'");
    }
    if (!List.of("zarr", "netcdf3", "netcdf4", "csv", "geotiff").contains(format)) {
      throw new IllegalArgumentException(
          "output '" + name + "': format '" + format + "' is not zarr, netcdf3, netcdf4, csv or geotiff");
    }
    if (bands != null && !format.equals("geotiff")) {
      throw new IllegalArgumentException(
          "output '" + name + "': withBands is for GeoTIFF outputs only (HeadwaterIO.writeGeoTiff)");
    }
    this.name = name;
    this.format = format;
    this.chunks = new LinkedHashMap<>(chunks);
    this.compressor = new LinkedHashMap<>(compressor);
    this.path = path;
    this.location = location;
    this.bands = bands;
  }

  /** Target chunk length by dimension (Zarr, NetCDF-4); dimensions not named are not split. */
  public WriteDataset withChunks(Map<String, Integer> lengths) {
    lengths.forEach((d, n) -> {
      if (n == null || n < 1) {
        throw new IllegalArgumentException("withChunks: chunk length of '" + d + "' < 1: " + n);
      }
    });
    return new WriteDataset(name, format, lengths, compressor, path, location, bands);
  }

  /** Compressor: {@code id} (zlib, zstd, blosc, none) and its options; default zlib level 4. */
  public WriteDataset withCompressor(Map<String, ?> settings) {
    if (!settings.containsKey("id")) {
      throw new IllegalArgumentException("withCompressor: needs 'id' (zlib, zstd, blosc or none)");
    }
    return new WriteDataset(name, format, chunks, new LinkedHashMap<>(settings), path, location, bands);
  }

  /** The file name under {@code outputs/}; by default the name with .zarr, .nc or .csv. */
  public WriteDataset toPath(String relative) {
    java.nio.file.Path p = java.nio.file.Path.of(relative).normalize();
    if (p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
      throw new IllegalArgumentException(
          "toPath: '" + relative + "' is outside outputs/; give a relative name such as 'speed.zarr'");
    }
    return new WriteDataset(name, format, chunks, compressor, relative, location, bands);
  }

  /**
   * Also uploads the output, once the run has committed, under this object-store prefix ({@code
   * s3://bucket/prefix}, as a recipe output's {@code location}); all or nothing.
   */
  public WriteDataset toLocation(String objectPrefix) {
    try {
      org.headwater.pipeline.storage.ObjectUrl.parse(objectPrefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("toLocation: '" + objectPrefix
          + "' is not an object-store prefix; write s3://BUCKET/PREFIX", e);
    }
    String prefix = objectPrefix.endsWith("/")
        ? objectPrefix.substring(0, objectPrefix.length() - 1) : objectPrefix;
    return new WriteDataset(name, format, chunks, compressor, path, prefix, bands);
  }

  /** For a GeoTIFF: the dimension whose positions become bands (else one file per 2-D slice). */
  public WriteDataset withBands(String dimension) {
    return new WriteDataset(name, format, chunks, compressor, path, location, dimension);
  }

  @Override
  protected String getKindString() {
    String factory = switch (format) {
      case "zarr" -> "writeZarr";
      case "netcdf3" -> "writeNetcdf";
      case "netcdf4" -> "writeNetcdf4";
      case "geotiff" -> "writeGeoTiff";
      default -> "writeCsv";
    };
    return "HeadwaterIO." + factory + "(" + name + ")";
  }

  OutputSpec spec(String dataset) {
    String ext = switch (format) {
      case "zarr" -> ".zarr";
      case "csv" -> ".csv";
      case "geotiff" -> ""; // a folder of .tif files
      default -> ".nc";
    };
    return new OutputSpec(
        name, dataset, format, chunks, compressor, path != null ? path : name + ext, location, bands);
  }

  @Override
  public PCollection<OutputRecord> expand(PCollection<DatasetPlan> input) {
    HeadwaterRun run = HeadwaterRun.of(input.getPipeline(), getName());
    OutputSpec spec = spec(run.datasetOf(input, getName()));
    run.declareOutput(spec, getName());
    RunScope scope = run.scope(run.fetchOptions());
    SerializableCoder<DatasetPlan> planCoder = SerializableCoder.of(DatasetPlan.class);
    PCollection<DatasetPlan> plans = input
        .apply("Annotate", ParDo.of(new AnnotateFn(scope))).setCoder(planCoder)
        .apply("RecordPlan", ParDo.of(new RecordsFn<DatasetPlan>(scope, RunScope.PLAN_RECORDS)))
        .setCoder(planCoder);
    PCollectionView<List<DatasetPlan>> view = plans.apply("PlanView", View.asList());
    return plans
        .apply("Prepare", ParDo.of(new PrepareFn(scope, spec)))
        .setCoder(SerializableCoder.of(WriteTask.class))
        .apply("Spread", Reshuffle.viaRandomKey())
        .apply("WriteChunks", ParDo.of(new WriteFn(scope, spec, view)).withSideInputs(view))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Written.class)))
        .apply("AwaitOutput", GroupByKey.create())
        .apply("Finish", ParDo.of(new FinalizeFn(scope, spec, view)).withSideInputs(view))
        .setCoder(SerializableCoder.of(OutputRecord.class))
        .apply("RecordOutput", ParDo.of(new RecordsFn<OutputRecord>(scope, RunScope.OUTPUT_RECORDS)))
        .setCoder(SerializableCoder.of(OutputRecord.class));
  }
}
