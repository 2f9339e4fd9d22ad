package org.headwater.zarr;

import java.io.IOException;
import ucar.ma2.Array;

/**
 * A chunk's values, read on demand in slabs along the array's first dimension, for
 * {@link ZarrWriter#writeChunk(String, int[], ChunkSlabs)}: the chunk then never exists as one
 * array on the heap.
 */
@FunctionalInterface
public interface ChunkSlabs {
  /**
   * Reads rows {@code [from, from + count)} of the chunk's region along the first dimension.
   *
   * @param from the first row, counted from the start of the chunk's region
   * @param count how many rows, at least 1
   * @return values with the array's cdm type and shape {@code {count, region[1], region[2], ...}}
   * @throws IOException if the values cannot be read
   */
  Array read(int from, int count) throws IOException;
}
