package org.headwater.pipeline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The files this JVM holds open, as {@code lsof} lists them: read from {@code /proc/self/fd}
 * (Linux; tests that use it are skipped elsewhere).
 */
public final class OpenFiles {
  private static final Path FDS = Path.of("/proc/self/fd");

  private OpenFiles() {}

  /**
   * The descriptors open on files under {@code dir} (deleted files included), each as {@code "FD
   * -> PATH"}, sorted.
   */
  public static List<String> under(Path dir) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs " + FDS);
    String prefix = dir.toRealPath() + "/";
    List<String> out = new ArrayList<>();
    try (Stream<Path> fds = Files.list(FDS)) {
      for (Path fd : fds.toList()) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString().replaceFirst(" \\(deleted\\)$", "");
        } catch (NoSuchFileException e) {
          continue; // closed since the listing (e.g. the listing's own descriptor)
        }
        if (target.startsWith(prefix)) {
          out.add(fd.getFileName() + " -> " + target);
        }
      }
    }
    out.sort(null);
    return out;
  }
}
