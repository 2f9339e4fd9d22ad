package org.headwater.pipeline.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.headwater.pipeline.storage.ObjectInfo;
import org.headwater.pipeline.storage.ObjectStore;
import org.headwater.pipeline.storage.ObjectUrl;
import org.headwater.pipeline.storage.StorageException;
import org.headwater.pipeline.storage.StorageSettings;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 and S3-compatible stores through the AWS SDK v2, with the SDK's standard credential chain.
 * With an endpoint override (S3Proxy, MinIO, Ceph) requests use path-style addressing.
 */
public final class S3Store implements ObjectStore {
  /** Files from this size on are uploaded in parts. */
  static final long MULTIPART_THRESHOLD = 16L << 20;

  /** The size of each part (S3's minimum is 5 MiB). */
  static final long PART_SIZE = 8L << 20;

  private final S3Client client;
  private final String endpoint;

  private S3Store(S3Client client, String endpoint) {
    this.client = client;
    this.endpoint = endpoint;
  }

  /** A store for the settings; the endpoint comes from them or the standard AWS variables. */
  public static S3Store create(StorageSettings settings) {
    String override = endpointOverride(settings);
    S3ClientBuilder b = S3Client.builder().credentialsProvider(DefaultCredentialsProvider.builder().build());
    Region region;
    try {
      region = new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException none) {
      region = Region.US_EAST_1; // S3-compatible stores ignore it; AWS redirects from it
    }
    b.region(region);
    if (override != null) {
      b.endpointOverride(URI.create(override)).forcePathStyle(true);
    }
    return new S3Store(b.build(), override != null ? override : "S3 (" + region.id() + ")");
  }

  static String endpointOverride(StorageSettings settings) {
    if (settings != null && settings.s3Endpoint() != null) {
      return settings.s3Endpoint();
    }
    for (String env : List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")) {
      String v = System.getenv(env);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    String p = System.getProperty("aws.endpointUrl");
    return p == null || p.isBlank() ? null : p;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public Optional<ObjectInfo> head(ObjectUrl url) {
    try {
      HeadObjectResponse r = client.headObject(h -> h.bucket(url.bucket()).key(url.key()));
      return Optional.of(
          new ObjectInfo(url, r.eTag(), r.contentLength(),
              r.lastModified() == null ? null : r.lastModified().toString()));
    } catch (NoSuchKeyException e) {
      checkBucket(url);
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        checkBucket(url);
        return Optional.empty();
      }
      throw S3Errors.translate(e, "read", url, endpoint);
    } catch (SdkException e) {
      throw S3Errors.translate(e, "read", url, endpoint);
    }
  }

  @Override
  public InputStream open(ObjectUrl url) {
    try {
      return client.getObject(g -> g.bucket(url.bucket()).key(url.key()));
    } catch (SdkException e) {
      throw S3Errors.translate(e, "read", url, endpoint);
    }
  }

  @Override
  public void upload(Path file, ObjectUrl url) {
    try {
      long size = Files.size(file);
      if (size < MULTIPART_THRESHOLD) {
        client.putObject(p -> p.bucket(url.bucket()).key(url.key()), RequestBody.fromFile(file));
      } else {
        uploadInParts(file, size, url);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to upload it to " + url + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw S3Errors.translate(e, "write", url, endpoint);
    }
  }

  /** A multipart upload; aborted (its parts deleted) when any part fails. */
  private void uploadInParts(Path file, long size, ObjectUrl url) throws IOException {
    String id = client.createMultipartUpload(c -> c.bucket(url.bucket()).key(url.key())).uploadId();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      List<CompletedPart> parts = new ArrayList<>();
      int number = 1;
      for (long offset = 0; offset < size; offset += PART_SIZE, number++) {
        int length = (int) Math.min(PART_SIZE, size - offset);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(length);
        while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
          // read the whole part
        }
        buf.flip();
        int n = number;
        String etag =
            client.uploadPart(u -> u.bucket(url.bucket()).key(url.key()).uploadId(id).partNumber(n),
                RequestBody.fromByteBuffer(buf)).eTag();
        parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
      }
      client.completeMultipartUpload(
          c -> c.bucket(url.bucket()).key(url.key()).uploadId(id).multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      try {
        client.abortMultipartUpload(a -> a.bucket(url.bucket()).key(url.key()).uploadId(id));
      } catch (SdkException abort) {
        e.addSuppressed(abort);
      }
      throw e;
    }
  }

  @Override
  public List<ObjectUrl> list(ObjectUrl prefix, int limit) {
    List<ObjectUrl> out = new ArrayList<>();
    try {
      for (S3Object o : client.listObjectsV2Paginator(l -> l.bucket(prefix.bucket()).prefix(prefix.key())).contents()) {
        out.add(new ObjectUrl(prefix.scheme(), prefix.bucket(), o.key()));
        if (out.size() >= limit) {
          break;
        }
      }
      return out;
    } catch (SdkException e) {
      throw S3Errors.translate(e, "list", prefix, endpoint);
    }
  }

  @Override
  public void delete(Collection<ObjectUrl> urls) {
    List<ObjectUrl> all = List.copyOf(urls);
    for (int from = 0; from < all.size(); from += 1000) {
      List<ObjectUrl> batch = all.subList(from, Math.min(all.size(), from + 1000));
      String bucket = batch.get(0).bucket();
      List<ObjectIdentifier> ids = batch.stream().map(u -> ObjectIdentifier.builder().key(u.key()).build()).toList();
      try {
        var r = client.deleteObjects(d -> d.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
        if (r.hasErrors() && !r.errors().isEmpty()) {
          throw new StorageException("cannot delete " + r.errors().size() + " objects in bucket '" + bucket
              + "' at " + endpoint + " (first: " + r.errors().get(0).key() + ", " + r.errors().get(0).code()
              + "); delete them by hand");
        }
      } catch (SdkException e) {
        throw S3Errors.translate(e, "delete objects in", batch.get(0), endpoint);
      }
    }
  }

  @Override
  public void checkBucket(ObjectUrl url) {
    try {
      client.headBucket(h -> h.bucket(url.bucket()));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw S3Errors.missingBucket(url, endpoint, e);
      }
      throw S3Errors.translate(e, "use", url, endpoint);
    } catch (SdkException e) {
      throw S3Errors.translate(e, "use", url, endpoint);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
