package org.headwater.pipeline.fetch;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * What a fetch must know about persistent connections that OkHttp does not tell it.
 *
 * <p>OkHttp keeps an HTTP/1.x connection for reuse unless the request or the response carries
 * {@code Connection: close} ({@code CallServerInterceptor}, OkHttp 4.12); it ignores RFC 9112
 * section 9.3, under which an HTTP/1.0 response without the {@code keep-alive} option means the
 * server closes the connection after it (as Python's {@code http.server} does:
 * {@code BaseHTTPRequestHandler.protocol_version = "HTTP/1.0"}, no {@code Connection} header). The
 * next request on that pooled connection then fails with "unexpected end of stream", and the
 * Fetcher runs with {@code retryOnConnectionFailure(false)} so that its own attempts are counted.
 * Two things follow:
 *
 * <ul>
 *   <li>a host whose response says it will close is remembered, and later requests to it carry
 *       {@code Connection: close}, so OkHttp keeps none of its connections ({@link
 *       #closes(HttpUrl)});
 *   <li>a request that failed on a connection taken from the pool before any response header
 *       arrived did not fail at the server: RFC 9112 section 9.3.1 lets a client resend an
 *       idempotent request on a new connection then, so it is not an attempt ({@link
 *       Tracker#stale()}).
 * </ul>
 */
final class ConnectionReuse {
  private final Set<String> closingHosts = ConcurrentHashMap.newKeySet();

  /** The listener factory for the client: each call's listener is the tracker in its tags. */
  EventListener.Factory listeners() {
    return call -> {
      Tracker t = call.request().tag(Tracker.class);
      return t != null ? t : EventListener.NONE;
    };
  }

  /** Whether the host of {@code url} closes its connections after each response. */
  boolean closes(HttpUrl url) {
    return closingHosts.contains(key(url));
  }

  /** Remembers the host of a response that says the server closes the connection after it. */
  void learn(Response response) {
    String connection = response.header("Connection", "").toLowerCase(Locale.ROOT);
    boolean closing =
        connection.contains("close")
            || (response.protocol() == Protocol.HTTP_1_0 && !connection.contains("keep-alive"));
    if (closing) {
      closingHosts.add(key(response.request().url()));
    }
  }

  private static String key(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** Events of one call: whether it connected afresh and whether a response header arrived. */
  static final class Tracker extends EventListener {
    private volatile boolean connected;
    private volatile boolean pooled;
    private volatile boolean answered;

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      connected = true;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      pooled = !connected;
    }

    @Override
    public void responseHeadersStart(Call call) {
      answered = true;
    }

    /** True when the call failed on a pooled connection before the server answered anything. */
    boolean stale() {
      return pooled && !answered;
    }
  }
}
