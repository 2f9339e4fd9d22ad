package org.headwater.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a run's log in its run directory ({@code run.log}, shown on the run's web page): while a
 * run is under way, standard error (where the log goes) is also written, each line stamped with
 * the time, to a file in the work directory, which then moves into the run directory — the one
 * the run reported, or for a run that failed the one it created.
 */
final class RunLog implements AutoCloseable {
  /** The file name in the run directory. */
  static final String FILE = "run.log";

  private final PrintStream console;
  private final Path runs;
  private final Set<Path> before;
  private final Path file;
  private final OutputStream out;
  private Path kept;

  private RunLog(PrintStream console, Path runs, Set<Path> before, Path file, OutputStream out) {
    this.console = console;
    this.runs = runs;
    this.before = before;
    this.file = file;
    this.out = out;
  }

  /** Starts copying standard error to a new log in {@code work}. */
  static RunLog start(Path work) {
    try {
      Files.createDirectories(work);
      Path runs = work.resolve("runs");
      Path file = Files.createTempFile(work, ".run-", ".log");
      OutputStream out = Files.newOutputStream(file);
      PrintStream console = System.err;
      RunLog log = new RunLog(console, runs, list(runs), file, out);
      System.setErr(new PrintStream(new Tee(console, out), true, StandardCharsets.UTF_8));
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the run log in " + work + ": " + e.getMessage(), e);
    }
  }

  /** Moves the log into {@code runDir} once this closes. */
  void keepIn(Path runDir) {
    kept = runDir;
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(console);
    try {
      out.close();
      Path dir = kept != null ? kept : createdSinceStart();
      if (dir != null) {
        Files.move(file, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      } else {
        console.println("headwater: the run made no run directory; its log is " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run log " + file + ": " + e.getMessage(), e);
    }
  }

  private Path createdSinceStart() throws IOException {
    List<Path> created = list(runs).stream().filter(p -> !before.contains(p)).toList();
    return created.size() == 1 ? created.get(0) : null;
  }

  private static Set<Path> list(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return Set.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return new HashSet<>(s.filter(Files::isDirectory).toList());
    }
  }

  /** Writes to the console as is and to the log with each line stamped with the time. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final OutputStream log;
    private boolean lineStart = true;

    Tee(OutputStream console, OutputStream log) {
      this.console = console;
      this.log = log;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      console.write(b);
      if (lineStart) {
        log.write((Instant.now() + " ").getBytes(StandardCharsets.UTF_8));
      }
      log.write(b);
      lineStart = b == '\n';
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      console.write(b, off, len);
      int start = off;
      for (int i = off; i < off + len; i++) {
        if (lineStart) {
          log.write((Instant.now() + " ").getBytes(StandardCharsets.UTF_8));
          lineStart = false;
        }
        if (b[i] == '\n') {
          log.write(b, start, i + 1 - start);
          start = i + 1;
          lineStart = true;
        }
      }
      log.write(b, start, off + len - start);
    }

    @Override
    public synchronized void flush() throws IOException {
      console.flush();
      log.flush();
    }
  }
}
