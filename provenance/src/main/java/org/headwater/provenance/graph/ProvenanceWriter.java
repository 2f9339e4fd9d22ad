package org.headwater.provenance.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.headwater.provenance.ProvenanceException;

/**
 * Writes a run's provenance graph into its run directory: Turtle grouped by subject, with the
 * graph's prefixes ({@link TurtleBlocks}, one pass, ~2.5x faster than Jena's {@code
 * TURTLE_BLOCKS}), and JSON-LD 1.1 in expanded form ({@code JSONLD11_PLAIN}, full IRIs, no
 * {@code @context}). The pretty forms cost 1-5 s per run on an 18,000-triple graph (JSON-LD
 * compaction above all), most of the provenance overhead of a run (bench/provenance/README.md);
 * the graphs carry no blank nodes, so pretty Turtle gained little over blocks.
 */
public final class ProvenanceWriter {
  /** File name of the Turtle form, {@value}. */
  public static final String TURTLE = "prov.ttl";

  /** File name of the JSON-LD form, {@value}. */
  public static final String JSON_LD = "prov.jsonld";

  private static final String TMP = ".tmp";

  private ProvenanceWriter() {}

  /**
   * Writes {@code prov.ttl} and {@code prov.jsonld} into {@code runDir}, each atomically
   * (temporary file, then rename), so a reader never sees half a file.
   *
   * @return the path of {@code prov.ttl}
   */
  public static Path write(Model model, Path runDir) {
    Path ttl = publish(writeTemporary(model, runDir, TURTLE));
    publish(writeTemporary(model, runDir, JSON_LD));
    return ttl;
  }

  /**
   * Writes one form ({@value #TURTLE} or another {@code .ttl} name, or {@value #JSON_LD}) to a
   * temporary file beside its final name; {@link #publish} gives it that name. The two forms can
   * be written in parallel.
   *
   * @return the temporary file
   */
  public static Path writeTemporary(Model model, Path runDir, String fileName) {
    boolean turtle = fileName.endsWith(".ttl");
    if (!turtle && !fileName.equals(JSON_LD)) {
      throw new IllegalArgumentException("unknown provenance file " + fileName);
    }
    Path tmp = temporary(runDir.resolve(fileName));
    try (OutputStream out = Files.newOutputStream(tmp)) {
      if (turtle) {
        TurtleBlocks.write(model.getGraph(), model, out);
      } else {
        RDFDataMgr.write(out, model, RDFFormat.JSONLD11_PLAIN);
      }
    } catch (IOException | RuntimeIOException e) {
      deleteQuietly(tmp, e);
      throw new ProvenanceException("cannot write " + runDir.resolve(fileName) + ": " + e.getMessage(), e);
    }
    return tmp;
  }

  /** Renames a file made by {@link #writeTemporary} to its final name; returns that. */
  public static Path publish(Path temporary) {
    String name = temporary.getFileName().toString();
    Path file = temporary.resolveSibling(name.substring(0, name.length() - TMP.length()));
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ProvenanceException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The temporary file {@link #writeTemporary} uses for {@code file}. */
  public static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + TMP);
  }

  private static void deleteQuietly(Path tmp, Exception cause) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }
}
