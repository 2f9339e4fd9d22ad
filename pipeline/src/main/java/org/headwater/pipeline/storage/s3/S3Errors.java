package org.headwater.pipeline.storage.s3;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.headwater.pipeline.storage.ObjectUrl;
import org.headwater.pipeline.storage.StorageException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's exceptions into one-line messages naming the endpoint, the bucket or object,
 * and the fix. Only the S3 error code is quoted, never the service's own message, which may echo
 * request details.
 */
final class S3Errors {
  private S3Errors() {}

  static StorageException translate(SdkException e, String action, ObjectUrl url, String endpoint) {
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      int status = s3.statusCode();
      if ("NoSuchBucket".equals(code)) {
        return missingBucket(url, endpoint, e);
      }
      if (status == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)
          || "AccessDenied".equals(code)) {
        return new StorageException(
            "cannot " + action + " " + url + ": " + endpoint + " refused the credentials (HTTP " + status
                + (code == null ? "" : " " + code) + "); check the AWS credentials this process finds"
                + " (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE) and that they may use"
                + " bucket '" + url.bucket() + "'",
            e);
      }
      return new StorageException(
          "cannot " + action + " " + url + " at " + endpoint + ": HTTP " + status
              + (code == null ? "" : " " + code) + "; check the URL and the store, then run again",
          e);
    }
    if (e instanceof SdkClientException && e.getMessage() != null
        && e.getMessage().contains("Unable to load credentials")) {
      return new StorageException(
          "cannot " + action + " " + url + ": no AWS credentials found for " + endpoint + "; set AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) for every process of the run",
          e);
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof UnknownHostException) {
        return new StorageException(
            "cannot " + action + " " + url + ": cannot reach " + endpoint + " (" + c.getClass().getSimpleName()
                + "); check --s3-endpoint or AWS_ENDPOINT_URL and that the store is running",
            e);
      }
    }
    return new StorageException(
        "cannot " + action + " " + url + " at " + endpoint + ": " + e.getClass().getSimpleName()
            + "; check the store and run again",
        e);
  }

  static StorageException missingBucket(ObjectUrl url, String endpoint, Throwable cause) {
    return new StorageException(
        "bucket '" + url.bucket() + "' does not exist at " + endpoint + " (for " + url
            + "); create it, or fix the bucket name",
        cause);
  }
}
