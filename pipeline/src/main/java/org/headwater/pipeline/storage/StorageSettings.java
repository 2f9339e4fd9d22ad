package org.headwater.pipeline.storage;

import java.io.Serializable;

/**
 * How object stores are reached, sent to every worker. Credentials are not part of it: each
 * process finds its own through the AWS SDK's standard chain (environment, system properties,
 * {@code ~/.aws} profiles, container or instance roles), so they never travel with the job.
 *
 * @param s3Endpoint an S3-compatible endpoint such as {@code http://127.0.0.1:9000} (then requests
 *     use path-style addressing), or null for the SDK's standard endpoint resolution
 *     ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}, profiles, else AWS itself)
 */
public record StorageSettings(String s3Endpoint) implements Serializable {
  public StorageSettings {
    if (s3Endpoint != null && s3Endpoint.isBlank()) {
      s3Endpoint = null;
    }
  }

  public static StorageSettings defaults() {
    return new StorageSettings(null);
  }
}
