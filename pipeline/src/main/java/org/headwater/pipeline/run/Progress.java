package org.headwater.pipeline.run;

/**
 * A snapshot of a running recipe.
 *
 * @param filesFetched source files fetched (or found in the cache), or missing and skipped
 * @param filesTotal source files the recipe expands to
 * @param bytesFetched bytes of those files
 * @param chunksWritten output chunks (or NetCDF files) written
 */
public record Progress(long filesFetched, long filesTotal, long bytesFetched, long chunksWritten) {}
