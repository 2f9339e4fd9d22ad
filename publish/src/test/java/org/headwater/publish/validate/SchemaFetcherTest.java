package org.headwater.publish.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.headwater.publish.PublishException;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headwater schemas fetch} against a loopback HTTP server that serves copies of the official
 * files laid out like a schema folder; one of them can be tampered with.
 */
class SchemaFetcherTest {
  private static final String TAMPERED = "eml-2.2.0/eml-party.xsd";

  @TempDir Path tmp;
  private final MockWebServer server = new MockWebServer();
  private volatile boolean tamper;
  private final List<String> served = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    Path shared = Fixtures.schemas();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = r.getPath().substring("/copy/".length());
        Path f = shared.resolve(path).normalize();
        if (!f.startsWith(shared) || !Files.isRegularFile(f)) {
          return new MockResponse().setResponseCode(404);
        }
        synchronized (served) {
          served.add(path);
        }
        try {
          byte[] bytes = Files.readAllBytes(f);
          if (tamper && path.equals(TAMPERED)) {
            bytes = new String(bytes, "UTF-8").replace("minOccurs=\"0\"", "minOccurs=\"1\"").getBytes("UTF-8");
          }
          return new MockResponse().setBody(new Buffer().write(bytes));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private SchemaFetcher fetcher() {
    return SchemaFetcher.mirror(server.url("/copy").uri());
  }

  @Test
  void fetchesEveryPinnedFileAndTheCacheIsThenUsed() {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.toString());
    Path cache = SchemaCache.userCache(env);
    List<String> lines = new ArrayList<>();
    assertThat(fetcher().fetch(cache, lines::add)).isEqualTo(PinnedSchemas.files().size());
    assertThat(lines).contains("fetched dataone/dataoneTypes_v2.0.xsd", "fetched eml-2.2.0/eml.xsd");
    assertThat(SchemaCache.find(null, env)).contains(cache);
    new DocumentValidator(cache); // compiles: the folder is complete for validation

    served.clear();
    assertThat(fetcher().fetch(cache, lines::add)).isZero();
    assertThat(served).as("files already cached with their digest are not downloaded again").isEmpty();
  }

  @Test
  void refusesAndNamesAFileWhoseDigestDiffersAndDoesNotCacheIt() {
    tamper = true;
    Path dir = tmp.resolve("schemas");
    assertThatThrownBy(() -> fetcher().fetch(dir, line -> {}))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageContaining(TAMPERED + " from " + server.url("/copy/" + TAMPERED))
        .hasMessageContaining("not the pinned")
        .hasMessageContaining("refused, not cached")
        .hasMessageContaining("headwater schemas fetch");
    assertThat(dir.resolve(TAMPERED)).doesNotExist();
    try (var files = Files.walk(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(dir.resolve("eml-2.2.0/eml.xsd")).as("the good files are kept").exists();
    assertThat(PinnedSchemas.allIn(dir)).isFalse();

    tamper = false;
    served.clear();
    assertThat(fetcher().fetch(dir, line -> {})).isEqualTo(1);
    assertThat(served).containsExactly(TAMPERED);
    assertThat(PinnedSchemas.allIn(dir)).isTrue();
  }

  @Test
  void anUnreachableSourceIsOneErrorNamingTheUrl() throws IOException {
    String url = server.url("/copy").toString();
    server.shutdown();
    assertThatThrownBy(() -> SchemaFetcher.mirror(java.net.URI.create(url)).fetch(tmp, line -> {}))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageContaining("dataone/dataoneTypes.xsd from " + url + "/dataone/dataoneTypes.xsd")
        .hasMessageNotContaining("eml.xsd");
  }

  @Test
  void pinsTheCanonicalRevisionsOfEveryFileValidationNeeds() {
    assertThat(PinnedSchemas.files()).extracting(PinnedSchemas.PinnedFile::path)
        .contains(SchemaCache.SYSMETA_XSD, SchemaCache.EML_XSD, SchemaCache.FORMATS, "dataone/dataoneTypes.xsd",
            "dataone/dataoneTypes_v1.1.xsd");
    assertThat(PinnedSchemas.files()).allSatisfy(f -> assertThat(f.source().toString())
        .matches("https://raw\\.githubusercontent\\.com/(DataONEorg|NCEAS)/[^/]+/[0-9a-f]{40}/.+"));
  }
}
