package org.headwater.pipeline.run;

import java.nio.file.Path;
import org.headwater.provenance.record.RunRecord;

/**
 * A finished run.
 *
 * @param runDir the run directory
 * @param record its run record ({@code run.json})
 */
public record RunResult(Path runDir, RunRecord record) {}
