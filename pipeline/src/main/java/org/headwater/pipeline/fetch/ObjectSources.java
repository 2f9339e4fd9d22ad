package org.headwater.pipeline.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.headwater.pipeline.storage.ObjectInfo;
import org.headwater.pipeline.storage.ObjectStore;
import org.headwater.pipeline.storage.ObjectStores;
import org.headwater.pipeline.storage.ObjectUrl;
import org.headwater.pipeline.storage.StorageSettings;

/**
 * Fetches {@code s3://bucket/key} sources through an {@link ObjectStore} into the {@link
 * ContentCache}, as HTTP sources are: a cached object whose ETag and size the store still reports
 * is not downloaded again, and when the recipe gives the expected SHA-256 and the cache holds those
 * bytes no request is made. The ETag, size and SHA-256 (computed as the bytes stream) are recorded.
 */
final class ObjectSources implements AutoCloseable {
  private final ContentCache cache;
  private final StorageSettings settings;
  private ObjectStore store;

  ObjectSources(ContentCache cache, StorageSettings settings) {
    this.cache = cache;
    this.settings = settings;
  }

  Fetched fetch(String url, String expected) throws IOException {
    ObjectUrl object;
    try {
      object = ObjectUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new FetchException(url, e.getMessage() + "; fix the source's URL template", e);
    }
    Optional<ContentCache.Entry> cached = cache.lookup(url);
    if (cached.isPresent() && expected != null && cached.get().sha256().equalsIgnoreCase(expected)) {
      return fromCache(cached.get());
    }
    ObjectStore s = store(object);
    ObjectInfo info =
        s.head(object).orElseThrow(() -> new MissingSourceException(url, "no such object at " + s.endpoint()));
    if (cached.isPresent() && info.etag() != null && info.etag().equals(cached.get().etag())
        && info.size() == cached.get().size()) {
      return fromCache(cached.get());
    }
    ContentCache.Stored stored;
    try (InputStream in = s.open(object)) {
      stored = cache.store(url, in, null);
    }
    if (stored.size() != info.size()) {
      throw new FetchException(url, "read " + stored.size() + " of the " + info.size() + " bytes of " + url
          + " (the object changed while it was read?); run again");
    }
    ExpectedChecksums.verify(url, expected, stored.sha256(), stored.size());
    cache.index(new ContentCache.Entry(url, stored.sha256(), stored.size(), info.etag(), info.lastModified()));
    return new Fetched(url, stored.object().toString(), stored.sha256(), stored.size(), Instant.now(),
        info.etag(), info.lastModified(), false);
  }

  private Fetched fromCache(ContentCache.Entry e) {
    return new Fetched(e.url(), cache.object(e.sha256()).toString(), e.sha256(), e.size(), Instant.now(),
        e.etag(), e.lastModified(), true);
  }

  private ObjectStore store(ObjectUrl url) {
    if (store == null) {
      store = ObjectStores.open(url, settings);
    }
    return store;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
