package org.headwater.pipeline.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An object store (S3 or an S3-compatible store): what the fetcher and the output upload need.
 *
 * <p>Every method throws {@link StorageException} with a one-line message when the store cannot be
 * reached, the bucket is missing or the credentials are refused.
 */
public interface ObjectStore extends AutoCloseable {

  /** The object's ETag, size and time, or empty when there is no such object. */
  Optional<ObjectInfo> head(ObjectUrl url);

  /** Opens the object's bytes; the caller closes the stream. */
  InputStream open(ObjectUrl url);

  /** Writes a file as one object, in parts when it is large; the object appears only when complete. */
  void upload(Path file, ObjectUrl url);

  /** The objects under a prefix (at most {@code limit}). */
  List<ObjectUrl> list(ObjectUrl prefix, int limit);

  /** Deletes objects; missing ones are ignored. */
  void delete(Collection<ObjectUrl> urls);

  /** Checks that the bucket exists and the credentials may use it. */
  void checkBucket(ObjectUrl url);

  /** A description for messages: the endpoint, never a credential. */
  String endpoint();

  @Override
  void close();
}
