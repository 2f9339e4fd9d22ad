package org.headwater.pipeline.combine;

import java.io.Serializable;
import java.util.List;

/**
 * One file's place in a combined dataset.
 *
 * @param url the file's URL (for messages)
 * @param local the local path to read
 * @param fileType netcdf, zarr or csv
 * @param offset its first index along the concat dimension
 * @param length how many positions it holds along the concat dimension
 * @param variables the variables it provides
 */
public record Part(
    String url, String local, String fileType, int offset, int length, List<String> variables)
    implements Serializable {
  public Part {
    variables = List.copyOf(variables);
  }
}
