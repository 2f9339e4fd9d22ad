package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.internal.Calendars;
import ucar.ma2.Array;

/** The key of a position along a dimension, for file names and band descriptions. */
final class SliceKeys {
  private SliceKeys() {}

  /**
   * The coordinate's value there: an ISO date for CF time, else the number; the index when the
   * dimension has no coordinate variable.
   */
  static String key(Dataset data, String dim, int index) throws IOException {
    Variable c = data.schema().findVariable(dim).orElse(null);
    if (c == null || c.dims().size() != 1) {
      return Integer.toString(index);
    }
    Array a = data.read(dim, new int[] {index}, new int[] {1});
    double value = a.getDouble(0);
    String time = Calendars.format(value, c.attributeText("units"), c.attributeText("calendar"));
    if (time != null) {
      return time.endsWith("T00:00:00Z") ? time.substring(0, 10) : time;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }

  /** The key with characters unsafe in file names replaced by '-'. */
  static String safe(String key) {
    return key.replaceAll("[^A-Za-z0-9._-]", "-");
  }
}
