package org.headwater.zarr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Fills the uncompressed bytes of a chunk in place. */
@FunctionalInterface
public interface ChunkFill {
  /**
   * @param raw a view of the chunk's bytes (position 0, limit = the chunk's size); the
   *     implementation writes every byte
   */
  void fill(ByteBuffer raw) throws IOException;
}
