package org.headwater.pipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.stac.StacCatalog;
import org.headwater.provenance.record.RunRecord;

/**
 * Something written from the run record once the outputs are in place, while the run's PROV graph
 * is checked and written on other threads, and before {@code run.json} marks the run succeeded: a
 * failure here fails the run, and so does invalid provenance, after which the runner removes what
 * was written here ({@link RunCommit#fail}). It may link to {@code prov.ttl} but not read it.
 */
@FunctionalInterface
interface AfterCommit {
  /** What every run does after committing: the STAC catalogue ({@code stac/}). */
  List<AfterCommit> ALL = List.of((record, runDir) -> StacCatalog.write(record, runDir));

  void committed(RunRecord record, Path runDir) throws IOException;
}
