package org.headwater.pipeline.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads finished local files to an object store, all or nothing.
 *
 * <p>S3 has no rename and no transaction across objects, so completeness is given by order and
 * clean-up: each object appears only whole (a PUT, or a multipart upload's completion); a Zarr
 * store's chunk objects go first, its arrays' metadata next and the root's {@code .zgroup} and
 * consolidated {@code .zmetadata} last, so a reader cannot open a store that is not complete; when
 * any upload fails, every object this upload wrote is deleted again before the error is thrown. A
 * process killed in the middle can leave chunk objects without the root metadata (no readable
 * store) and, with large files, an incomplete multipart upload (a bucket lifecycle rule
 * {@code AbortIncompleteMultipartUpload} removes those).
 */
public final class Uploads {
  private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

  private Uploads() {}

  /** One file and the object it becomes. */
  public record Item(Path file, ObjectUrl url) {}

  /**
   * The objects a local file or directory becomes under {@code target}, in upload order (metadata
   * last).
   */
  public static List<Item> items(Path local, ObjectUrl target) {
    if (!Files.isDirectory(local)) {
      return List.of(new Item(local, target));
    }
    try (Stream<Path> files = Files.walk(local)) {
      List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
      all.sort(Comparator.comparingInt((Path p) -> rank(local.relativize(p))).thenComparing(Path::toString));
      List<Item> out = new ArrayList<>();
      for (Path p : all) {
        String relative = local.relativize(p).toString().replace('\\', '/');
        out.add(new Item(p, target.resolve(relative)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + local + " to upload it: " + e.getMessage(), e);
    }
  }

  /** 0 for data, 1 for an array's metadata, 2 for the root's, 3 for consolidated metadata. */
  static int rank(Path relative) {
    String name = relative.getFileName().toString();
    if (!name.startsWith(".z")) {
      return 0;
    }
    if (relative.getNameCount() > 1) {
      return 1;
    }
    return name.equals(".zmetadata") ? 3 : 2;
  }

  /** Fails when any object exists under one of the targets, so a run never mixes with another's. */
  public static void checkAbsent(ObjectStore store, List<ObjectUrl> targets) {
    for (ObjectUrl t : targets) {
      store.checkBucket(t);
      if (!store.list(t, 1).isEmpty()) {
        throw new StorageException(
            t + " already holds objects at " + store.endpoint() + "; choose another output location,"
                + " or delete them first");
      }
    }
  }

  /**
   * Uploads the items in order; on any failure deletes every object uploaded so far and throws.
   *
   * @throws StorageException naming the object that failed and saying the upload was undone
   */
  public static void upload(ObjectStore store, List<Item> items) {
    List<ObjectUrl> done = new ArrayList<>();
    LOG.info("uploading {} objects to {}", items.size(), store.endpoint());
    try {
      for (Item i : items) {
        store.upload(i.file(), i.url());
        done.add(i.url());
      }
    } catch (RuntimeException e) {
      String undone;
      try {
        store.delete(done);
        undone = "the " + done.size() + " objects already uploaded were deleted again";
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
        undone = "deleting the " + done.size() + " objects already uploaded failed too (" + cleanup.getMessage()
            + "); delete them by hand";
      }
      String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new StorageException(
          "the upload of the outputs stopped after " + done.size() + " of " + items.size() + " objects ("
              + cause + "); " + undone,
          e);
    }
    LOG.info("uploaded {} objects to {}", items.size(), store.endpoint());
  }
}
