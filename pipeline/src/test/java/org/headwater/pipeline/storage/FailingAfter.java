package org.headwater.pipeline.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A real store whose uploads fail after the first {@code n}: a connection lost halfway. */
final class FailingAfter implements ObjectStore {
  private final ObjectStore store;
  private final int n;
  private int uploads;

  FailingAfter(ObjectStore store, int n) {
    this.store = store;
    this.n = n;
  }

  @Override
  public void upload(Path file, ObjectUrl url) {
    if (uploads++ >= n) {
      throw new StorageException("injected failure after " + n + " uploads");
    }
    store.upload(file, url);
  }

  @Override
  public Optional<ObjectInfo> head(ObjectUrl url) {
    return store.head(url);
  }

  @Override
  public InputStream open(ObjectUrl url) {
    return store.open(url);
  }

  @Override
  public List<ObjectUrl> list(ObjectUrl prefix, int limit) {
    return store.list(prefix, limit);
  }

  @Override
  public void delete(Collection<ObjectUrl> urls) {
    store.delete(urls);
  }

  @Override
  public void checkBucket(ObjectUrl url) {
    store.checkBucket(url);
  }

  @Override
  public String endpoint() {
    return store.endpoint();
  }

  @Override
  public void close() {
    store.close();
  }
}
