package org.headwater.pipeline.internal;

import java.io.Closeable;
import java.io.IOException;

/** Closes several resources together. */
public final class Closing {
  private Closing() {}

  /**
   * Closes every resource in order (nulls are skipped), the later ones even when an earlier one
   * fails.
   *
   * @throws IOException the first failure, with the later ones suppressed in it
   */
  public static void all(Iterable<? extends Closeable> resources) throws IOException {
    IOException failure = null;
    for (Closeable c : resources) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
