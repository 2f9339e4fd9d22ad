package org.headwater.pipeline.io;

import java.nio.file.Path;
import java.util.Map;
import org.headwater.pipeline.dataset.Dataset;

/**
 * How one file format is read: a fetched local copy opened as a lazy {@link Dataset}. A new
 * format is a package under {@code format/} with one implementation, registered in {@link
 * Sources}.
 */
@FunctionalInterface
public interface SourceFormat {
  /**
   * Opens a local copy.
   *
   * @param local the fetched file or store
   * @param label the source's URL, for messages
   * @param options the recipe source's reading options (empty when it has none)
   */
  Dataset open(Path local, String label, Map<String, Object> options);
}
