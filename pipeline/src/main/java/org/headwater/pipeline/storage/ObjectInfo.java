package org.headwater.pipeline.storage;

/**
 * What a store says about one object.
 *
 * @param url the object
 * @param etag its ETag (with the quotes the store sends), or null
 * @param size its size in bytes
 * @param lastModified when it was last written (ISO-8601), or null
 */
public record ObjectInfo(ObjectUrl url, String etag, long size, String lastModified) {}
