package org.headwater.provenance.store.pending;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.headwater.provenance.ProvenanceException;

/**
 * The content of a run's {@value PendingGraphs#MARKER}: two lines, {@code store=LOCATION} and
 * {@code graph=IRI}; the graph itself is the run's {@code prov.ttl}.
 *
 * @param store the store location the graph waits for
 * @param graph the run's graph name
 */
public record PendingMarker(String store, String graph) {
  public PendingMarker {
    if (store == null || graph == null) {
      throw new IllegalArgumentException("a pending marker needs store and graph");
    }
  }

  /** The file's text. */
  String text() {
    return "store=" + store + "\ngraph=" + graph + "\n";
  }

  /** Reads a marker file. */
  public static PendingMarker read(Path file) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      return new PendingMarker(p.getProperty("store"), p.getProperty("graph"));
    } catch (IOException | IllegalArgumentException e) {
      throw new ProvenanceException("cannot read " + file + " (" + e.getMessage()
          + "); delete it and load the run with 'headwater lineage import " + file.resolveSibling("prov.ttl") + "'", e);
    }
  }
}
