package org.headwater.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.testing.SchemaMirror;
import org.headwater.publish.validate.DocumentValidator;
import org.headwater.publish.validate.PinnedSchemas;
import org.headwater.publish.validate.SchemaCache;
import org.headwater.publish.validate.SchemaFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which validation a publish gets when no schema folder is set up: local archives go on without
 * XSDs and say so; a node fetches the schemas on first use or stops before uploading anything.
 */
class SchemaPolicyTest {
  @TempDir Path tmp;
  private final MockWebServer node = new MockWebServer();
  private final List<String> notices = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    node.shutdown();
  }

  /** No schema setting, an empty user cache, and schemas "fetched" from {@code mirror}. */
  private Map<String, String> env(String mirror) {
    return Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString(), SchemaFetcher.MIRROR_ENV, mirror);
  }

  private String deadMirror() throws IOException {
    MockWebServer dead = new MockWebServer();
    dead.start();
    String url = dead.url("/schemas/").toString();
    dead.shutdown();
    return url;
  }

  @Test
  void aLocalArchivePublishesWithoutSchemasAndSaysXsdValidationWasSkipped() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-1");
    PublishResult r = Publisher.publish(PublishRequest.builder(run, "local:" + tmp.resolve("archive"))
        .doi(true).env(env(deadMirror())).notices(notices::add).build());
    assertThat(r.objects()).hasSize(5);
    assertThat(notices).containsExactly("XSD validation skipped: no XML schemas found; run 'headwater"
        + " schemas fetch' (or pass --schemas DIR) to turn it on");
  }

  @Test
  void aNodeWithoutSchemasThatCannotBeFetchedStopsBeforeAnyRequestToTheNode() throws Exception {
    node.start();
    Path run = Fixtures.runDir(tmp, "run-1");
    PublishRequest req = PublishRequest.builder(run, node.url("/mn").toString())
        .token(org.headwater.publish.dataone.AuthToken.parse(Fixtures.token()))
        .env(env(deadMirror())).notices(notices::add).build();
    assertThatThrownBy(() -> Publisher.publish(req))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageStartingWith("nothing was published to " + node.url("/mn"))
        .hasMessageContaining("run 'headwater schemas fetch' again")
        .hasMessageContaining("--skip-xsd")
        .hasMessageNotContaining("\n");
    assertThat(node.getRequestCount()).isZero();
    assertThat(notices).containsExactly("fetching the DataONE and EML XML schemas into "
        + tmp.resolve("cache/headwater/schemas") + " (first use)");
  }

  @Test
  void skipXsdGoesOnWithStructuralChecksAndSaysSo() throws Exception {
    PublishRequest req = PublishRequest.builder(tmp, "https://node.invalid/mn").skipXsd(true)
        .env(env(deadMirror())).notices(notices::add).build();
    DocumentValidator v = Publisher.validator(req);
    assertThat(v.validatesXsd()).isFalse();
    assertThat(notices).containsExactly("XSD validation skipped (--skip-xsd): only Headwater's structural"
        + " checks ran on the documents");
  }

  @Test
  void aNodeFetchesTheSchemasOnFirstUseIntoTheUserCache() throws Exception {
    try (SchemaMirror mirror = SchemaMirror.serving(Fixtures.schemas())) {
      PublishRequest req = PublishRequest.builder(tmp, "https://node.invalid/mn")
          .env(env(mirror.url().toString())).notices(notices::add).build();
      assertThat(Publisher.validator(req).validatesXsd()).isTrue();
      assertThat(mirror.served()).hasSize(PinnedSchemas.files().size());
      assertThat(SchemaCache.find(null, req.env())).contains(tmp.resolve("cache/headwater/schemas"));
      assertThat(notices).hasSize(1);

      notices.clear();
      assertThat(Publisher.validator(req).validatesXsd()).isTrue();
      assertThat(notices).as("second use: the cache is there, nothing to say").isEmpty();
      assertThat(mirror.served()).hasSize(PinnedSchemas.files().size());
    }
  }
}
