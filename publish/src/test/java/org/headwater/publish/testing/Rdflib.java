package org.headwater.publish.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads RDF with rdflib in Debian's {@code /usr/bin/python3}, an independent reader of what
 * Headwater writes.
 */
public final class Rdflib {
  static final String PYTHON = System.getProperty("headwater.python", "/usr/bin/python3");

  /**
   * For an RDF/XML file: how many {@code cito:isDocumentedBy} and {@code cito:documents} statements
   * it holds, how many of each lack their inverse, and whether some subject documents itself, as
   * {@code "isDocumentedBy=N documents=N unpaired=N selfDocumenting=N"}.
   */
  private static final String CITO = String.join("\n",
      "import sys, rdflib",
      "C = rdflib.Namespace('http://purl.org/spar/cito/')",
      "g = rdflib.Graph(); g.parse(sys.argv[1], format='xml')",
      "by = set(g.subject_objects(C.isDocumentedBy)); docs = set(g.subject_objects(C.documents))",
      "unpaired = [p for p in by if (p[1], p[0]) not in docs] + [p for p in docs if (p[1], p[0]) not in by]",
      "selfdoc = [s for s, o in docs if s == o and (s, o) in by]",
      "print('isDocumentedBy=%d documents=%d unpaired=%d selfDocumenting=%d'"
          + " % (len(by), len(docs), len(unpaired), len(selfdoc)))");

  private Rdflib() {}

  /** The CiTO summary of an RDF/XML document (see {@link #CITO}). */
  public static String citoSummary(byte[] rdfXml) throws IOException, InterruptedException {
    Path f = Files.createTempFile("resource-map", ".rdf");
    Path err = Files.createTempFile("rdflib", ".err");
    try {
      Files.write(f, rdfXml);
      Process p = new ProcessBuilder(List.of(PYTHON, "-c", CITO, f.toString())).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(PYTHON + " with rdflib did not finish in 60 s");
      }
      if (p.exitValue() != 0) {
        fail(PYTHON + " with rdflib exited " + p.exitValue() + " (apt-get install python3-rdflib): "
            + Files.readString(err));
      }
      return out;
    } finally {
      Files.deleteIfExists(f);
      Files.deleteIfExists(err);
    }
  }
}
