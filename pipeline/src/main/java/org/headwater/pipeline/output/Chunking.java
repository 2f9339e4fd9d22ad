package org.headwater.pipeline.output;

import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.recipe.OutputSpec;

/**
 * Target chunks of an output, and the dimension its writing work is split along.
 *
 * <p>Each variable is chunked by the output's {@code chunks} for the dimensions named there and
 * not split along the others. Work is split along the <em>split dimension</em>: the dimension named
 * in {@code chunks} that comes first in the largest variable's dimensions. One writing task covers
 * one chunk of the split dimension for every variable that has it (so each source file is opened
 * once per task); every other variable is a task of its own.
 */
public final class Chunking {
  private Chunking() {}

  /** The chunk shape of a variable. */
  public static int[] chunks(DatasetSchema schema, Variable v, OutputSpec spec) {
    int[] shape = schema.shape(v);
    int[] chunks = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      Integer c = spec.chunks().get(v.dims().get(i));
      chunks[i] = Math.max(1, c == null ? shape[i] : Math.min(c, Math.max(shape[i], 1)));
    }
    return chunks;
  }

  /**
   * Checks that every dimension named in {@code chunks} exists and that its chunk length is
   * between 1 and the dimension's length.
   */
  public static void check(DatasetSchema schema, OutputSpec spec) {
    for (var e : spec.chunks().entrySet()) {
      String dim = e.getKey();
      if (schema.findDimension(dim).isEmpty()) {
        throw new OutputException(
            "output '" + spec.name() + "': chunks name dimension '" + dim + "', which the dataset"
                + " does not have; its dimensions are "
                + schema.dimensions().stream().map(d -> d.name()).toList());
      }
      int len = schema.dimensionLength(dim);
      int c = e.getValue();
      if (c < 1 || c > Math.max(1, len)) {
        throw new OutputException(
            "output '" + spec.name() + "': chunks give dimension '" + dim + "' " + c
                + ", but its length is " + len + "; use a chunk length from 1 to " + Math.max(1, len));
      }
    }
  }

  /** The split dimension, or null when nothing is chunked. */
  public static String splitDimension(DatasetSchema schema, OutputSpec spec) {
    Variable largest = null;
    long size = -1;
    for (Variable v : schema.variables()) {
      long n = 1;
      for (int len : schema.shape(v)) {
        n *= len;
      }
      if (n > size) {
        size = n;
        largest = v;
      }
    }
    if (largest == null) {
      return null;
    }
    for (String d : largest.dims()) {
      if (spec.chunks().containsKey(d)) {
        return d;
      }
    }
    return null;
  }

  /** How many chunks the split dimension has. */
  public static int splitCount(DatasetSchema schema, OutputSpec spec, String split) {
    int len = schema.dimensionLength(split);
    int c = spec.chunks().get(split);
    return Math.max(1, (len + c - 1) / c);
  }
}
