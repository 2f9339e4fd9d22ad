package org.headwater.pipeline.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.combine.Part;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.internal.Closing;

/**
 * Keeps recently used source files open (least recently used closed first), so a worker that
 * reads many chunks from the same files opens each once. One instance per worker thread; not
 * thread-safe.
 */
public final class SourceCache implements Closeable {
  private final int capacity;
  private final LinkedHashMap<String, Dataset> open = new LinkedHashMap<>(16, 0.75f, true);

  public SourceCache(int capacity) {
    this.capacity = capacity;
  }

  public Dataset open(Part part) {
    Dataset d = open.get(part.local());
    if (d != null) {
      return d;
    }
    d = Sources.open(part.fileType(), part.local(), part.url());
    open.put(part.local(), d);
    if (open.size() > capacity) {
      Iterator<Map.Entry<String, Dataset>> it = open.entrySet().iterator();
      Map.Entry<String, Dataset> eldest = it.next();
      it.remove();
      try {
        eldest.getValue().close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + eldest.getKey(), e);
      }
    }
    return d;
  }

  @Override
  public void close() throws IOException {
    List<Dataset> closing = new ArrayList<>(open.values());
    open.clear();
    Closing.all(closing);
  }
}
