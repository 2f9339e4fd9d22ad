package org.headwater.pipeline.combine;

import java.io.Serializable;
import java.util.Map;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.fetch.Fetched;

/**
 * What combining needs to know of one fetched file, read from its header (and its small
 * coordinate variables).
 *
 * @param item the template item
 * @param fetched where its bytes are and their hash
 * @param schema its decoded schema
 * @param valueHashes SHA-256 of the values of each variable that is not concatenated, to check
 *     that all files share the same grid
 * @param concatValues the values of the coordinate variable of the (existing) concat dimension,
 *     or null if there is none, it is not numeric or it is large
 */
public record FileHeader(
    FileItem item,
    Fetched fetched,
    DatasetSchema schema,
    Map<String, String> valueHashes,
    CoordinateValues concatValues)
    implements Serializable {
  public FileHeader {
    valueHashes = Map.copyOf(valueHashes);
  }
}
