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

/**
 * Writes a run's provenance graph into its run directory: Turtle grouped by subject ({@code
 * TURTLE_BLOCKS}) and JSON-LD 1.1 in expanded form ({@code JSONLD11_PLAIN}, full IRIs, no
 * {@code @context}). The pretty forms cost 1-5 s per run on an 18,000-triple graph (JSON-LD
 * compaction above all), most of the provenance overhead of a run (bench/provenance/README.md);
 * the graphs carry no blank nodes, so pretty Turtle gained little over blocks.
 */
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
    writeAtomically(model, ttl, RDFFormat.TURTLE_BLOCKS);
    writeAtomically(model, runDir.resolve(JSON_LD), RDFFormat.JSONLD11_PLAIN);
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
