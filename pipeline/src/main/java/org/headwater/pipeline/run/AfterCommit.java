package org.headwater.pipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.stac.StacCatalog;
import org.headwater.provenance.record.RunRecord;

/**
 * Something written from the run record once the outputs are in place and {@code prov.ttl} is
 * written, before {@code run.json} marks the run succeeded: a failure here fails the run.
 */
@FunctionalInterface
interface AfterCommit {
  /** What every run does after committing: the STAC catalogue ({@code stac/}). */
  List<AfterCommit> ALL = List.of((record, runDir) -> StacCatalog.write(record, runDir));

  void committed(RunRecord record, Path runDir) throws IOException;
}
