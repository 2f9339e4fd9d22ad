package org.headwater.provenance.record;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run directory holds, as every command that looks at one must see it.
 *
 * @param kind succeeded, failed, running or incomplete
 * @param record its {@code run.json}, or null when there is none
 * @param reason for {@code INCOMPLETE}, why, in words a user can act on; else null
 */
public record RunState(Kind kind, RunRecord record, String reason) {
  /** The states. Only {@code SUCCEEDED} is complete and usable. */
  public enum Kind {
    SUCCEEDED,
    FAILED,
    /** {@code run.json} says running and its process is alive. */
    RUNNING,
    /** No {@code run.json}, or one that says running whose process is gone (killed or crashed). */
    INCOMPLETE
  }

  /** Reads a run directory's state; never throws for a directory without (valid) run.json. */
  public static RunState of(Path runDir) {
    Path file = runDir.resolve(RunRecords.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return new RunState(Kind.INCOMPLETE, null, "no " + RunRecords.FILE_NAME
          + ": its process ended before the run was recorded (killed or crashed)");
    }
    RunRecord r = RunRecords.read(file);
    if (r.succeeded()) {
      return new RunState(Kind.SUCCEEDED, r, null);
    }
    if (RunRecord.FAILED.equals(r.status())) {
      return new RunState(Kind.FAILED, r, null);
    }
    if (RunRecord.RUNNING.equals(r.status()) && r.process() != null && r.process().alive(r.started())) {
      return new RunState(Kind.RUNNING, r, null);
    }
    String who = r.process() == null ? "its process" : "its process " + r.process().pid() + " on " + r.process().host();
    return new RunState(Kind.INCOMPLETE, r, RunRecords.FILE_NAME + " says '" + r.status() + "' but " + who
        + " is gone (killed or crashed)");
  }

  /** A one-line description, e.g. {@code incomplete: no run.json: ...}. */
  public String describe() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + (reason == null ? "" : " (" + reason + ")");
  }
}
