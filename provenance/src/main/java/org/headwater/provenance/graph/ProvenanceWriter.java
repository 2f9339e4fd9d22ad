package org.headwater.provenance.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.headwater.provenance.ProvenanceException;

/** Writes a run's provenance graph into its run directory. */
public final class ProvenanceWriter {
  /** File name of the Turtle form, {@value}. */
  public static final String TURTLE = "prov.ttl";

  /** File name of the JSON-LD form, {@value}. */
  public static final String JSON_LD = "prov.jsonld";

  private ProvenanceWriter() {}

  /**
   * Writes {@code prov.ttl} and {@code prov.jsonld} into {@code runDir}, each atomically
   * (temporary file, then rename), so a reader never sees half a file.
   *
   * @return the path of {@code prov.ttl}
   */
  public static Path write(Model model, Path runDir) {
    Path ttl = runDir.resolve(TURTLE);
    writeAtomically(model, ttl, RDFFormat.TURTLE_PRETTY);
    writeAtomically(model, runDir.resolve(JSON_LD), RDFFormat.JSONLD11_PRETTY);
    return ttl;
  }

  private static void writeAtomically(Model model, Path file, RDFFormat format) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        RDFDataMgr.write(out, model, format);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ProvenanceException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
