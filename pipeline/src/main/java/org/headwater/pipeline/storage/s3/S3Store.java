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
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
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
    Region region = region(override != null);
    b.region(region);
    if (override != null) {
      // S3-compatible stores: path-style addressing (no bucket DNS names on loopback or a private
      // host), and checksums only where S3 requires them, since SDK 2.30's default trailing CRC32
      // (aws-chunked uploads) is refused by stores such as S3Proxy 2.6 ("x-amz-content-sha256
      // header does not match"); every upload's SHA-256 is still recorded by Headwater itself
      b.endpointOverride(URI.create(override)).forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return new S3Store(b.build(), override != null ? override : "S3 (" + region.id() + ")");
  }

  /**
   * AWS_REGION or aws.region; else, for an S3-compatible endpoint (which ignores it) us-east-1
   * without asking the instance metadata service, and for AWS the SDK's whole region chain.
   */
  private static Region region(boolean compatible) {
    String given = System.getenv("AWS_REGION");
    given = given == null || given.isBlank() ? System.getProperty("aws.region") : given;
    if (given != null && !given.isBlank()) {
      return Region.of(given);
    }
    if (compatible) {
      return Region.US_EAST_1;
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException none) {
      return Region.US_EAST_1; // AWS answers requests for buckets elsewhere with a redirect
    }
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

  /**
   * Deletes objects one request each: the batch DeleteObjects call needs a checksum header that
   * S3-compatible stores such as S3Proxy 2.6 answer with 501 Not Implemented, and deleting is
   * needed only to undo a failed upload.
   */
  @Override
  public void delete(Collection<ObjectUrl> urls) {
    for (ObjectUrl u : urls) {
      try {
        client.deleteObject(d -> d.bucket(u.bucket()).key(u.key()));
      } catch (SdkException e) {
        throw S3Errors.translate(e, "delete", u, endpoint);
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
