package org.headwater.pipeline.combine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.fetch.Fetched;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.io.Sources;
import org.headwater.pipeline.recipe.SourceSpec;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/** Reads a fetched file's {@link FileHeader}. */
public final class Headers {
  /** Variables larger than this are not hashed (their consistency is not checked). */
  static final long MAX_HASHED_ELEMENTS = 16L << 20;

  /** Values read at a time while hashing (8 MB as doubles). */
  static final long SLAB_ELEMENTS = 1L << 20;

  /** A file's concat coordinate is kept in the plan up to this length. */
  static final int MAX_COORDINATE_VALUES = 1 << 16;

  private Headers() {}

  public static FileHeader read(FileItem item, Fetched fetched, SourceSpec source) throws IOException {
    try (Dataset d = Sources.open(source, fetched.local(), item.url())) {
      DatasetSchema schema = d.schema();
      String concat = source.concatDimension().map(c -> c.name()).orElse(null);
      boolean isNew = source.concatDimension().map(c -> c.newDimension()).orElse(false);
      Set<String> concatenated = Roles.concatenated(schema, concat, isNew);
      Map<String, String> hashes = new LinkedHashMap<>();
      for (Variable v : schema.variables()) {
        if (concatenated.contains(v.name()) || !v.dtype().isNumeric()) {
          continue;
        }
        long n = 1;
        for (int len : schema.shape(v)) {
          n *= len;
        }
        if (n <= MAX_HASHED_ELEMENTS) {
          hashes.put(v.name(), hash(d, v.name(), schema.shape(v)));
        }
      }
      return new FileHeader(item, fetched, schema, hashes, concatValues(d, concat, isNew));
    }
  }

  /** The concat dimension's own coordinate variable, read whole when it is numeric and small. */
  private static CoordinateValues concatValues(Dataset d, String concat, boolean isNew)
      throws IOException {
    if (concat == null || isNew) {
      return null;
    }
    Variable v = d.schema().findVariable(concat).orElse(null);
    if (v == null
        || !v.dtype().isNumeric()
        || !v.dims().equals(List.of(concat))
        || d.schema().dimensionLength(concat) > MAX_COORDINATE_VALUES) {
      return null;
    }
    return CoordinateValues.of(d.readAll(concat));
  }

  /**
   * SHA-256 of a variable's values as big-endian doubles in row-major order, read in slabs along
   * its first dimension of at most {@link #SLAB_ELEMENTS} values (one row when a row is larger),
   * so hashing never holds the whole variable.
   */
  static String hash(Dataset d, String name, int[] shape) throws IOException {
    MessageDigest md = Hashing.sha256();
    ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
    if (shape.length == 0) {
      update(md, buf, d.readAll(name));
    } else {
      long row = 1;
      for (int i = 1; i < shape.length; i++) {
        row *= shape[i];
      }
      int rows = (int) Math.max(1, Math.min(shape[0], SLAB_ELEMENTS / Math.max(1, row)));
      int[] origin = new int[shape.length];
      int[] slab = shape.clone();
      for (int r = 0; r < shape[0]; r += rows) {
        origin[0] = r;
        slab[0] = Math.min(rows, shape[0] - r);
        update(md, buf, d.read(name, origin, slab));
      }
    }
    md.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, ByteBuffer buf, Array a) {
    IndexIterator it = a.getIndexIterator();
    while (it.hasNext()) {
      if (buf.remaining() < 8) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putDouble(it.getDoubleNext());
    }
  }
}
