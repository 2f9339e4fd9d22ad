package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.Encoding;
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.output.OutputFormat;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Describe;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.zarr.StoredFile;

/**
 * {@code format: geotiff}: a folder of Cloud-Optimized GeoTIFFs, one per variable and 2-D slice
 * ({@code VAR_DIM-KEY.tif}) or, with {@code bands: DIM}, one per variable with DIM's positions as
 * bands. One task writes one file.
 */
public final class GeoTiffFormat implements OutputFormat {
  @Override
  public List<WriteTask> prepare(DatasetPlan plan, OutputSpec spec, Path target) {
    List<WriteTask> tasks = new ArrayList<>();
    for (Rasters.Plan p : Rasters.of(plan.schema(), spec)) {
      RasterGrid.checkCrs(plan.schema(), p.variable(), spec.name());
      for (int i = 0; i < p.files(); i++) {
        tasks.add(new WriteTask(spec.name(), spec.dataset(), p.variable().name(), i));
      }
    }
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new OutputException("cannot create " + target + ": " + e.getMessage(), e);
    }
    return tasks;
  }

  @Override
  public Written write(Dataset data, OutputSpec spec, Path target, WriteTask task)
      throws IOException {
    Rasters.Plan plan = Rasters.of(data.schema(), spec).stream()
        .filter(p -> p.variable().name().equals(task.variable())).findFirst().orElseThrow();
    Variable v = plan.variable();
    RasterGrid grid = RasterGrid.of(data, v, spec.name());
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Attribute a : Rasters.cfAttributes(Encoding.attributes(v))) {
      metadata.put(a.name(), a.isText() ? a.text() : values(a));
    }
    String key = "";
    if (plan.sliceDim() != null) {
      String value = SliceKeys.key(data, plan.sliceDim(), task.split());
      metadata.put(plan.sliceDim(), value);
      key = "_" + plan.sliceDim() + "-" + SliceKeys.safe(value);
    }
    DType type = Encoding.storedType(v);
    Number fill = Encoding.fillValue(v);
    List<GdalMetadata.Band> bands = bands(data, plan, v);
    String xml = GdalMetadata.xml(metadata, bands);
    GeoKeys keys;
    try {
      keys = GeoKeys.of(grid.crs(), v.name());
    } catch (IllegalArgumentException e) {
      throw new OutputException("output '" + spec.name() + "': " + e.getMessage(), e);
    }
    Path file = target.resolve(v.name() + key + ".tif");
    CogWriter.write(file,
        new CogWriter.Image(SliceImage.of(data, plan, grid, task.split()),
            Samples.sampleFormat(type), Samples.sample(type, fill)),
        codec(spec),
        ifd -> {
          ifd.doubles(33550, grid.dx(), grid.dy(), 0)
              .doubles(33922, 0, 0, 0, grid.left(), grid.top(), 0)
              .shorts(34735, keys.directory())
              .ascii(42112, xml);
          if (keys.doubles().length > 0) {
            ifd.doubles(34736, keys.doubles());
          }
        },
        ifd -> {
          if (fill != null) {
            ifd.ascii(42113, nodata(type, fill));
          }
        });
    int bandCount = plan.bandDim() == null ? 1 : data.schema().dimensionLength(plan.bandDim());
    RasterRecord raster = RasterFacts.of(file, grid, bandCount);
    return new Written(1,
        List.of(new StoredFile(raster.file(), raster.size(), raster.sha256())), List.of(raster));
  }

  private static List<GdalMetadata.Band> bands(Dataset data, Rasters.Plan plan, Variable v)
      throws IOException {
    List<Attribute> enc = Encoding.attributes(v);
    Double scale = number(enc, "scale_factor");
    Double offset = number(enc, "add_offset");
    if (plan.bandDim() == null) {
      return List.of(new GdalMetadata.Band(v.name(), scale, offset));
    }
    List<GdalMetadata.Band> out = new ArrayList<>();
    int n = data.schema().dimensionLength(plan.bandDim());
    for (int b = 0; b < n; b++) {
      out.add(new GdalMetadata.Band(
          plan.bandDim() + "=" + SliceKeys.key(data, plan.bandDim(), b), scale, offset));
    }
    return out;
  }

  private static Double number(List<Attribute> attributes, String name) {
    return Attributes.find(attributes, name).filter(a -> !a.isText())
        .map(a -> a.number().doubleValue()).orElse(null);
  }

  private static String values(Attribute a) {
    List<String> s = new ArrayList<>();
    for (Object o : a.values()) {
      s.add(String.valueOf(o));
    }
    return String.join(",", s);
  }

  private static String nodata(DType type, Number fill) {
    if (type.isFloatingPoint()) {
      double d = fill.doubleValue();
      return Double.isNaN(d) ? "nan" : type == DType.FLOAT32 ? Float.toString(fill.floatValue())
          : Double.toString(d);
    }
    return type.unsigned() ? Long.toUnsignedString(fill.longValue()) : Long.toString(fill.longValue());
  }

  private static CogWriter.Codec codec(OutputSpec spec) {
    Object id = spec.compressor().getOrDefault("id", "zlib");
    Object level = spec.compressor().get("level");
    return switch (String.valueOf(id)) {
      case "zlib", "deflate" -> new CogWriter.Codec(CogWriter.DEFLATE,
          level instanceof Number n ? n.intValue() : 6);
      case "zstd" -> new CogWriter.Codec(CogWriter.ZSTD, level instanceof Number n ? n.intValue() : 9);
      case "none" -> new CogWriter.Codec(CogWriter.NONE, 0);
      default -> throw new OutputException("output '" + spec.name() + "': compressor '" + id
          + "' cannot compress GeoTIFF; use zlib, zstd or none");
    };
  }

  @Override
  public List<VariableRecord> describe(DatasetSchema schema) {
    return Describe.variables(schema);
  }
}
