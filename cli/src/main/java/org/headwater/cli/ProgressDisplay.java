package org.headwater.cli;

import org.headwater.provenance.Plural;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.headwater.pipeline.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress: a progress bar (files fetched, bytes, chunks written) on a terminal,
 * plain log lines when output is redirected.
 */
abstract class ProgressDisplay implements AutoCloseable {
  abstract void update(Progress p);

  @Override
  public abstract void close();

  static ProgressDisplay create(String task) {
    return System.console() != null ? new Bar(task) : new Lines();
  }

  static String describe(Progress p) {
    return String.format(
        "%d/%s, %.1f MB fetched, %s written",
        p.filesFetched(), Plural.count(p.filesTotal(), "file"), p.bytesFetched() / 1e6,
        Plural.count(p.chunksWritten(), "chunk"));
  }

  private static final class Bar extends ProgressDisplay {
    private final ProgressBar bar;

    Bar(String task) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .setInitialMax(1)
              .build();
    }

    @Override
    void update(Progress p) {
      bar.maxHint(Math.max(1, p.filesTotal()));
      bar.stepTo(p.filesFetched());
      bar.setExtraMessage(
          String.format(" %.1f MB, %s", p.bytesFetched() / 1e6,
              Plural.count(p.chunksWritten(), "chunk")));
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  private static final class Lines extends ProgressDisplay {
    private static final Logger LOG = LoggerFactory.getLogger("headwater.progress");
    private Progress last;
    private long lastAt;

    @Override
    void update(Progress p) {
      long now = System.nanoTime();
      if (!p.equals(last) && (last == null || now - lastAt > 2_000_000_000L)) {
        LOG.info(describe(p));
        last = p;
        lastAt = now;
      }
    }

    @Override
    public void close() {}
  }
}
