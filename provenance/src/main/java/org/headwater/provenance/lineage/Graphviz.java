package org.headwater.provenance.lineage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.headwater.provenance.ProvenanceException;

/** Runs Graphviz {@code dot} (Debian package {@code graphviz}) to draw DOT as SVG. */
public final class Graphviz {
  private static final long TIMEOUT_SECONDS = 120;

  private Graphviz() {}

  /** The SVG Graphviz draws from {@code dot}. */
  public static byte[] svg(String dot) {
    Process p;
    try {
      p = new ProcessBuilder("dot", "-Tsvg").start();
    } catch (IOException e) {
      throw new ProvenanceException(
          "Graphviz 'dot' is not on PATH (" + e.getMessage() + "); install the Debian package "
              + "graphviz, or use --format dot",
          e);
    }
    try {
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(dot.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ProvenanceException("Graphviz 'dot' did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new ProvenanceException(
            "Graphviz 'dot' failed with exit code " + p.exitValue() + ": "
                + new String(stderr.join(), StandardCharsets.UTF_8).trim());
      }
      return stdout.join();
    } catch (IOException e) {
      throw new ProvenanceException("cannot run Graphviz 'dot': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new ProvenanceException("interrupted while running Graphviz 'dot'", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
