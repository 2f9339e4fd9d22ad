package org.headwater.pipeline.storage;

import org.headwater.pipeline.storage.s3.S3Store;

/** Opens the object store for a URL's scheme. */
public final class ObjectStores {
  private ObjectStores() {}

  /**
   * The store that serves {@code url}.
   *
   * @throws IllegalArgumentException when no store serves the URL's scheme
   */
  public static ObjectStore open(ObjectUrl url, StorageSettings settings) {
    if (url.scheme().equals("s3")) {
      return S3Store.create(settings);
    }
    throw new IllegalArgumentException("no object store for " + url + "; use s3://bucket/key");
  }
}
