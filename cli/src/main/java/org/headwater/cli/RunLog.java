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
import org.headwater.provenance.record.Secrets;

/**
 * Keeps a run's log in its run directory ({@code run.log}, shown on the run's web page): while a
 * run is under way, standard error (where the log goes) is also written, each line stamped with
 * the time, to a file that starts in the work directory and moves into the run directory as soon
 * as that exists, so a run that dies part-way (even killed) keeps its log there. A run that fails
 * before it creates its directory leaves the file in the work directory and says where. A run that
 * fails ends its log with its error ({@link #failed}).
 */
final class RunLog implements AutoCloseable {
  /** The file name in the run directory. */
  static final String FILE = "run.log";

  private final PrintStream console;
  private final OutputStream out;
  private Tee tee;
  private Path file;
  private Path runDir;
  private boolean moved;
  private IOException moveFailure;

  private RunLog(PrintStream console, Path file, OutputStream out) {
    this.console = console;
    this.file = file;
    this.out = out;
  }

  /** Starts copying standard error to a new log in {@code work}. */
  static RunLog start(Path work) {
    try {
      Files.createDirectories(work);
      Path file = Files.createTempFile(work, ".run-", ".log");
      OutputStream out = Files.newOutputStream(file);
      PrintStream console = System.err;
      RunLog log = new RunLog(console, file, out);
      log.tee = new Tee(console, out, log::moveIfReady);
      System.setErr(new PrintStream(log.tee, true, StandardCharsets.UTF_8));
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the run log in " + work + ": " + e.getMessage(), e);
    }
  }

  /** The run directory the log moves into once the run has created it. */
  synchronized void keepIn(Path dir) {
    runDir = dir;
    moveIfReady();
  }

  /**
   * Moves the file, still open, into the run directory if that exists now (a rename within one
   * file system: the writes go on into the same file).
   */
  private synchronized void moveIfReady() {
    if (moved || runDir == null || !Files.isDirectory(runDir)) {
      return;
    }
    try {
      Path target = runDir.resolve(FILE);
      Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
      file = target;
      moved = true;
      moveFailure = null;
    } catch (IOException e) {
      moveFailure = e; // tried again at each line and at close, which reports it
    }
  }

  /**
   * Ends the log with the run's error, as one line {@code [ERROR] the run failed: MESSAGE} (secrets
   * in URLs redacted), written to the log only: the console gets the error once, from the command.
   */
  void failed(Throwable error) {
    try {
      System.err.flush();
      tee.logLine("[ERROR] the run failed: " + Secrets.redact(ErrorHandler.message(error)));
    } catch (IOException e) {
      error.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(console);
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run log " + file + ": " + e.getMessage(), e);
    }
    moveIfReady();
    if (moveFailure != null) {
      throw new UncheckedIOException("cannot keep the run log " + file + " in " + runDir + ": "
          + moveFailure.getMessage(), moveFailure);
    }
    if (!moved) {
      console.println("headwater: the run made no run directory; its log is " + file);
    }
  }

  /** Writes to the console as is and to the log with each line stamped with the time. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final OutputStream log;
    private final Runnable atLineStart;
    private boolean lineStart = true;

    Tee(OutputStream console, OutputStream log, Runnable atLineStart) {
      this.console = console;
      this.log = log;
      this.atLineStart = atLineStart;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      console.write(b);
      if (lineStart) {
        atLineStart.run();
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
          atLineStart.run();
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

    /** Writes one stamped line to the log only, on a line of its own. */
    synchronized void logLine(String line) throws IOException {
      if (!lineStart) {
        log.write('\n');
      }
      atLineStart.run();
      log.write((Instant.now() + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
      lineStart = true;
    }

    @Override
    public synchronized void flush() throws IOException {
      console.flush();
      log.flush();
    }
  }
}
