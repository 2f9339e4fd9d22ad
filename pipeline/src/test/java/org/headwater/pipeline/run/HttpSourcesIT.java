package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources served over real HTTP on loopback by a server that needs an Authorization header. */
class HttpSourcesIT {
  @TempDir Path tmp;
  private MockWebServer server;
  private final AtomicInteger bodiesServed = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    for (int f = 0; f < 4; f++) {
      NetcdfFixtures.write(tmp.resolve(String.format("www/f%02d.nc", f)), f * 2, 2, 0, "tas");
    }
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!"Bearer t0ken".equals(request.getHeader("Authorization"))) {
              return new MockResponse().setResponseCode(401);
            }
            Path file = tmp.resolve("www").resolve(request.getRequestUrl().pathSegments().get(1));
            if (!Files.exists(file)) {
              return new MockResponse().setResponseCode(404);
            }
            try {
              String etag = "\"" + Hashing.sha256Hex(file) + "\"";
              if (etag.equals(request.getHeader("If-None-Match"))) {
                return new MockResponse().setResponseCode(304);
              }
              bodiesServed.incrementAndGet();
              return new MockResponse()
                  .setHeader("ETag", etag)
                  .setBody(new Buffer().write(Files.readAllBytes(file)));
            } catch (IOException e) {
              return new MockResponse().setResponseCode(500);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private RunResult run() {
    String text =
        "id: http\nsources:\n"
            + "  url: \"" + server.url("/data/") + "f{time:02d}.nc\"\n"
            + "  auth_env: ARCHIVE_TOKEN\n"
            + "  source_of_truth: https://doi.org/10.5072/http-test\n"
            + "  dimensions: [{name: time, range: {start: 0, end: 3}}]\n"
            + "outputs:\n  - {name: out, format: zarr, chunks: {time: 3}}\n";
    FetchOptions fetch =
        FetchOptions.defaults(tmp.resolve("work/cache").toString())
            .withRetries(2, Duration.ofMillis(10))
            .withSecrets(Map.of("ARCHIVE_TOKEN", "Bearer t0ken"));
    return RecipeRunner.run(
        Recipes.parse(text), RunOptions.defaults(tmp.resolve("work")).withFetch(fetch));
  }

  @Test
  void fetchesWithAuthThenRerunsFromAWarmCacheWithoutDownloading() throws Exception {
    RunResult first = run();
    assertThat(bodiesServed.get()).isEqualTo(4);
    assertThat(first.record().inputs()).allSatisfy(i -> {
      assertThat(i.url()).startsWith("http://");
      assertThat(i.sourceOfTruth()).isEqualTo("https://doi.org/10.5072/http-test");
      assertThat(i.etag()).isNotNull();
      assertThat(i.fromCache()).isFalse();
    });
    PangeoScenariosIT.assertValues(
        org.headwater.zarr.ZarrReader.open(first.runDir().resolve("outputs/out.zarr")), "tas", 8);

    RunResult second = run();
    assertThat(bodiesServed.get()).as("no body downloaded again").isEqualTo(4);
    assertThat(second.record().inputs()).allSatisfy(i -> assertThat(i.fromCache()).isTrue());
    assertThat(second.record().outputs().get(0).sha256())
        .isEqualTo(first.record().outputs().get(0).sha256());
    assertThat(second.record().inputs()).extracting(i -> i.sha256())
        .containsExactlyElementsOf(first.record().inputs().stream().map(i -> i.sha256()).toList());
  }
}
