package org.headwater.pipeline.combine;

import java.io.Serializable;
import java.util.Map;
import org.headwater.pipeline.dataset.DatasetSchema;

/**
 * The result of checking and combining a source's file headers.
 *
 * @param layout where each variable's data lives
 * @param schema the combined dataset's schema
 * @param notes decisions recorded in the run manifest (e.g. {@code attributeConflicts})
 */
public record Combined(Layout layout, DatasetSchema schema, Map<String, Object> notes)
    implements Serializable {
  public Combined {
    notes = Map.copyOf(notes);
  }
}
