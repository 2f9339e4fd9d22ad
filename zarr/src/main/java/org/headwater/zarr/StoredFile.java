package org.headwater.zarr;

import java.io.Serializable;

/**
 * A file just written into a store, with the SHA-256 of its bytes computed as they were written:
 * whoever describes the store afterwards (a manifest of file hashes) need not read it back.
 *
 * @param path relative to the store's root, with '/' separators (e.g. {@code tas/3.0.0})
 * @param size its size in bytes
 * @param sha256 SHA-256 of its bytes, lower-case hex
 */
public record StoredFile(String path, long size, String sha256) implements Serializable {}
