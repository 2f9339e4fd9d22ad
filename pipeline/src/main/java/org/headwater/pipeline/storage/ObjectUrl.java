package org.headwater.pipeline.storage;

import java.io.Serializable;
import java.util.Objects;

/**
 * An object (or a key prefix) in an object store: {@code s3://bucket/key}.
 *
 * @param scheme the store's scheme, e.g. {@code s3}
 * @param bucket the bucket
 * @param key the object key (no leading slash); empty for the bucket itself
 */
public record ObjectUrl(String scheme, String bucket, String key) implements Serializable {
  public ObjectUrl {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("no bucket in " + scheme + "://" + bucket + "/" + key);
    }
  }

  /** Whether a URL names an object store ({@code s3://...}). */
  public static boolean isObjectUrl(String url) {
    return url != null && url.regionMatches(true, 0, "s3://", 0, 5);
  }

  /**
   * Parses {@code s3://bucket/key}.
   *
   * @throws IllegalArgumentException naming the URL when it is not of that form
   */
  public static ObjectUrl parse(String url) {
    if (!isObjectUrl(url)) {
      throw new IllegalArgumentException("'" + url + "' is not an s3://bucket/key URL");
    }
    String rest = url.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("'" + url + "' names no bucket; write s3://BUCKET/KEY");
    }
    return new ObjectUrl("s3", bucket, key);
  }

  /** The object {@code relative} below this prefix (a {@code /} is put between them). */
  public ObjectUrl resolve(String relative) {
    if (key.isEmpty()) {
      return new ObjectUrl(scheme, bucket, relative);
    }
    return new ObjectUrl(scheme, bucket, key.endsWith("/") ? key + relative : key + "/" + relative);
  }

  @Override
  public String toString() {
    return scheme + "://" + bucket + "/" + key;
  }
}
