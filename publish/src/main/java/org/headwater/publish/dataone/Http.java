package org.headwater.publish.dataone;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.headwater.publish.PublishException;
import org.headwater.publish.internal.ErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes DataONE calls: adds the bearer token, retries 5xx (except 501), timeouts and dropped
 * connections with exponential backoff, and turns error answers into {@link DataOneException}s.
 * Never logs headers, so the token cannot leak into logs.
 */
final class Http {
  private static final Logger LOG = LoggerFactory.getLogger(Http.class);
  private static final long MAX_BODY = 16L << 20;

  private final OkHttpClient client;
  private final AuthToken token;
  private final int maxAttempts;
  private final Duration backoff;

  public Http(OkHttpClient client, AuthToken token, int maxAttempts, Duration backoff) {
    this.client = client;
    this.token = token;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
  }

  /** A successful answer. */
  public record Reply(int status, Headers headers, byte[] body) {}

  public Reply call(Request request, String pid) {
    return call(request, pid, MAX_BODY);
  }

  /** Runs the request with retries; a body larger than {@code maxBody} is an error. */
  public Reply call(Request request, String pid, long maxBody) {
    Request req = token == null ? request : request.newBuilder().header("Authorization", bearer()).build();
    String what = request.method() + " " + request.url();
    for (int attempt = 1; ; attempt++) {
      try (Response r = client.newCall(req).execute()) {
        boolean head = "HEAD".equals(request.method());
        byte[] body = head ? new byte[0] : read(r.body(), r.isSuccessful() ? maxBody : 64 << 10, what);
        if (r.isSuccessful()) {
          return new Reply(r.code(), r.headers(), body);
        }
        DataOneException e =
            head
                ? ErrorBodies.fromHeaders(
                    r.code(),
                    r.header("DataONE-Exception-Name"),
                    r.header("DataONE-Exception-DetailCode"),
                    r.header("DataONE-Exception-Description"),
                    pid != null ? pid : r.header("DataONE-Exception-PID"))
                : ErrorBodies.parse(r.code(), body, pid);
        if (!retryable(r.code()) || attempt >= maxAttempts) {
          throw e;
        }
        LOG.warn("{} answered {} (attempt {}/{}); retrying", what, r.code(), attempt, maxAttempts);
      } catch (IOException e) {
        if (attempt >= maxAttempts) {
          throw new PublishException.TransportFailure(
              request.url().toString(),
              request.method() + " failed after " + attempt + " attempts: " + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : " " + e.getMessage()),
              e);
        }
        LOG.warn("{} failed (attempt {}/{}): {}; retrying", what, attempt, maxAttempts, e.toString());
      }
      pause(attempt);
    }
  }

  private String bearer() {
    return token.bearer();
  }

  private static boolean retryable(int code) {
    return code >= 500 && code != 501;
  }

  private void pause(int attempt) {
    long base = backoff.toMillis() << Math.min(attempt - 1, 16);
    long ms = Math.min(base, 30_000);
    ms += ms == 0 ? 0 : ThreadLocalRandom.current().nextLong(ms / 4 + 1);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while waiting to retry", e);
    }
  }

  private static byte[] read(ResponseBody body, long max, String what) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > max) {
        throw new PublishException(what + " returned more than " + max + " bytes");
      }
      return bytes;
    }
  }

  /** Whether a host name or literal address is this machine (no DNS lookup for names). */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
