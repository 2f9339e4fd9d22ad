package org.headwater.pipeline.plan;

import java.io.Serializable;
import org.headwater.pipeline.combine.FileHeader;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.SkippedInput;

/**
 * One source file after fetching: its header and input record, or why it was skipped.
 *
 * @param dataset the source name
 * @param header the header, or null when skipped
 * @param input the provenance record, or null when skipped
 * @param skipped the skip record, or null
 */
public record SourceResult(
    String dataset, FileHeader header, InputRecord input, SkippedInput skipped)
    implements Serializable {}
