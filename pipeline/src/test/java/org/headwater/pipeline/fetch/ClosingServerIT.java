package org.headwater.pipeline.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headwater.pipeline.internal.Hashing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches from Python's own {@code http.server}, which answers every request with an HTTP/1.0
 * status line and closes the connection after the response ({@code BaseHTTPRequestHandler} has
 * {@code protocol_version = "HTTP/1.0"}, so {@code close_connection} is true after each request;
 * {@code SimpleHTTPRequestHandler} sends {@code Content-Length} for files). Such a server is not
 * failing, so no attempt may be retried and nothing may be logged at WARN.
 */
class ClosingServerIT {
  private static final Pattern PORT = Pattern.compile("port (\\d+)");
  @TempDir Path tmp;
  private Process server;
  private final List<String> serverLog = new ArrayList<>();
  private int port;

  @BeforeEach
  void start() throws Exception {
    Random random = new Random(14);
    Files.createDirectories(tmp.resolve("www"));
    for (int i = 0; i < 12; i++) {
      byte[] bytes = new byte[1000 + 997 * i];
      random.nextBytes(bytes);
      Files.write(tmp.resolve("www/f" + i + ".nc"), bytes);
    }
    server =
        new ProcessBuilder(
                "/usr/bin/python3", "-u", "-m", "http.server", "--bind", "127.0.0.1",
                "--directory", tmp.resolve("www").toString(), "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    Matcher m = PORT.matcher(String.valueOf(first));
    assertThat(m.find()).as("http.server said: %s", first).isTrue();
    port = Integer.parseInt(m.group(1));
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  synchronized (serverLog) {
                    serverLog.add(line);
                  }
                }
              } catch (java.io.IOException e) {
                // the server was stopped
              }
            });
    drain.setDaemon(true);
    drain.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.destroy();
    server.waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void serverThatClosesEveryConnectionIsNotRetried() throws Exception {
    Fetcher fetcher =
        new Fetcher(
            FetchOptions.defaults(tmp.resolve("cache").toString())
                .withRetries(4, Duration.ofMillis(10)));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<Fetched> fetched = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        fetched.add(fetcher.fetch("http://127.0.0.1:" + port + "/f" + i + ".nc", null, null));
      }
    } finally {
      System.setErr(original);
      fetcher.shutdown();
    }
    for (int i = 0; i < 12; i++) {
      Path source = tmp.resolve("www/f" + i + ".nc");
      assertThat(fetched.get(i).sha256()).isEqualTo(Hashing.sha256Hex(source));
      assertThat(Path.of(fetched.get(i).local())).hasSameBinaryContentAs(source);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("WARN").doesNotContain("attempt");
    synchronized (serverLog) {
      assertThat(serverLog.stream().filter(l -> l.contains("\"GET /f"))).hasSize(12);
      assertThat(serverLog).allMatch(l -> l.contains("HTTP/1.1\" 200"), "every request answered 200");
    }
  }
}
