package org.headwater.pipeline.format.zarr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.Chunking;
import org.headwater.pipeline.output.Encoding;
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.zarr.ArrayMetadata;
import org.headwater.zarr.ChunkGrid;
import org.headwater.zarr.Compressor;
import org.headwater.zarr.StoredFile;
import org.headwater.zarr.ZarrDType;
import org.headwater.zarr.ZarrException;
import org.headwater.zarr.ZarrWriter;

/**
 * Writes a dataset as a Zarr v2 store with xarray's conventions, in three phases that the Beam
 * pipeline runs in order: {@link #prepare} (metadata), {@link #write} (chunks, task by task, in
 * parallel) and {@link #finish} (consolidated metadata).
 */
public final class ZarrOutput {
  private ZarrOutput() {}

  /** Creates the store with its group attributes and every array's metadata. */
  public static void prepare(DatasetSchema schema, OutputSpec spec, Path store) {
    Chunking.check(schema, spec);
    Compressor compressor = compressor(spec);
    try {
      ZarrWriter w = ZarrWriter.create(store);
      w.setGroupAttributes(Attributes.toJson(Attributes.withoutInternal(schema.attributes())));
      for (Variable v : schema.variables()) {
        if (!v.dtype().isNumeric()) {
          throw new OutputException(
              "output '" + spec.name() + "': variable '" + v.name() + "' holds text ("
                  + v.dtype().numpyName() + "), which Zarr outputs do not support yet; drop it"
                  + " with select_variables");
        }
        DType stored = Encoding.storedType(v);
        ArrayMetadata meta =
            new ArrayMetadata(
                schema.shape(v),
                Chunking.chunks(schema, v, spec),
                ZarrDType.of(stored.dataType(), stored.unsigned()),
                compressor,
                Encoding.fillValue(v));
        w.createArray(v.name(), v.dims(), meta, Attributes.toJson(Encoding.attributes(v)));
      }
    } catch (ZarrException e) {
      throw new OutputException("output '" + spec.name() + "': " + e.getMessage(), e);
    }
  }

  /** The writing tasks of an output. */
  public static List<WriteTask> tasks(DatasetSchema schema, OutputSpec spec) {
    List<WriteTask> out = new ArrayList<>();
    String split = Chunking.splitDimension(schema, spec);
    if (split != null) {
      int n = Chunking.splitCount(schema, spec, split);
      for (int i = 0; i < n; i++) {
        out.add(new WriteTask(spec.name(), spec.dataset(), null, i));
      }
    }
    for (Variable v : schema.variables()) {
      if (split == null || !v.dims().contains(split)) {
        out.add(new WriteTask(spec.name(), spec.dataset(), v.name(), -1));
      }
    }
    return out;
  }

  /**
   * Writes the chunks of one task.
   *
   * @return the chunk files written, with their hashes
   */
  public static List<StoredFile> write(Dataset data, OutputSpec spec, Path store, WriteTask task)
      throws IOException {
    DatasetSchema schema = data.schema();
    String split = Chunking.splitDimension(schema, spec);
    ZarrWriter w = ZarrWriter.open(store);
    List<StoredFile> written = new ArrayList<>();
    for (Variable v : schema.variables()) {
      boolean mine =
          task.variable() == null
              ? v.dims().contains(split)
              : task.variable().equals(v.name());
      if (!mine) {
        continue;
      }
      ChunkGrid grid = new ChunkGrid(schema.shape(v), Chunking.chunks(schema, v, spec));
      int axis = task.variable() == null ? v.dims().indexOf(split) : -1;
      for (int[] idx : grid.indices()) {
        if (axis >= 0 && idx[axis] != task.split()) {
          continue;
        }
        int[] origin = grid.origin(idx);
        int[] region = grid.regionShape(idx);
        try {
          if (region.length == 0) {
            written.add(w.writeChunk(v.name(), idx, Encoding.encode(v, data.read(v.name(), origin, region))));
          } else {
            // slab by slab along the first dimension: no chunk-sized arrays on the heap
            written.add(w.writeChunk(v.name(), idx, (from, count) -> {
              int[] o = origin.clone();
              int[] s = region.clone();
              o[0] += from;
              s[0] = count;
              return Encoding.encode(v, data.read(v.name(), o, s));
            }));
          }
        } catch (ZarrException e) {
          throw new OutputException("output '" + spec.name() + "': " + e.getMessage(), e);
        }
      }
    }
    return written;
  }

  /** Writes consolidated metadata ({@code .zmetadata}). */
  public static void finish(Path store) {
    ZarrWriter.open(store).consolidate();
  }

  static Compressor compressor(OutputSpec spec) {
    Map<String, Object> c = new LinkedHashMap<>(spec.compressor());
    String id = String.valueOf(c.getOrDefault("id", "zlib"));
    try {
      switch (id) {
        case "none":
          return Compressor.none();
        case "zlib":
          return Compressor.zlib(intOf(c, "level", 4));
        case "zstd":
          return Compressor.zstd(intOf(c, "level", 3));
        case "blosc":
          return Compressor.blosc(
              String.valueOf(c.getOrDefault("cname", "lz4")), intOf(c, "clevel", 5),
              intOf(c, "shuffle", 1));
        default:
          throw new OutputException(
              "output '" + spec.name() + "': unknown compressor '" + id
                  + "'; use zlib, zstd, blosc or none");
      }
    } catch (IllegalArgumentException | ZarrException e) {
      throw new OutputException("output '" + spec.name() + "': compressor: " + e.getMessage(), e);
    }
  }

  private static int intOf(Map<String, Object> m, String key, int fallback) {
    Object v = m.get(key);
    return v instanceof Number n ? n.intValue() : fallback;
  }
}
