package org.headwater.pipeline.internal;

import java.io.OutputStream;

/**
 * Where Derby's own log goes: nowhere. Apache SIS reads the EPSG dataset from an embedded Derby
 * database, and Derby would otherwise write {@code derby.log} into the working directory of every
 * run (or, pointed at stderr, a banner at every exit). Errors still reach SIS as SQL exceptions.
 */
public final class DerbyLog {
  /** Named by the {@code derby.stream.error.field} system property. */
  public static final OutputStream NONE = OutputStream.nullOutputStream();

  private DerbyLog() {}

  /** Sends Derby's log here unless the user chose a log file or field. */
  public static void quiet() {
    if (System.getProperty("derby.stream.error.file") == null
        && System.getProperty("derby.stream.error.field") == null) {
      System.setProperty("derby.stream.error.field", DerbyLog.class.getName() + ".NONE");
    }
  }
}
