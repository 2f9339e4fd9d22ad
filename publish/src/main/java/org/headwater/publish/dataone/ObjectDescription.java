package org.headwater.publish.dataone;

import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.Pid;

/**
 * What {@code HEAD /v2/object/{pid}} reports.
 *
 * @param pid the object
 * @param formatId its DataONE formatId
 * @param size size in bytes, or -1 when not reported
 * @param checksum the checksum the node stated, or null
 */
public record ObjectDescription(Pid pid, String formatId, long size, Checksum checksum) {}
