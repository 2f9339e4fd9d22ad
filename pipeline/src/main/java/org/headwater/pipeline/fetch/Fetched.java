package org.headwater.pipeline.fetch;

import java.io.Serializable;
import java.time.Instant;

/**
 * A fetched source: where its bytes are on this machine and what they are.
 *
 * @param url the URL fetched
 * @param local the local file (in the cache, or the file itself for {@code file:} URLs)
 * @param sha256 SHA-256 of the bytes
 * @param size size in bytes
 * @param retrieved when they were fetched or validated
 * @param etag the ETag response header, or null
 * @param lastModified the Last-Modified response header, or null
 * @param fromCache whether no bytes were downloaded this time
 */
public record Fetched(
    String url,
    String local,
    String sha256,
    long size,
    Instant retrieved,
    String etag,
    String lastModified,
    boolean fromCache)
    implements Serializable {}
