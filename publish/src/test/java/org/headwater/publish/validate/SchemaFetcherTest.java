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
import org.headwater.publish.PublishException;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.testing.SchemaMirror;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headwater schemas fetch} against a loopback HTTP server that serves copies of the official
 * files laid out like a schema folder; one of them can be tampered with.
 */
class SchemaFetcherTest {
  private static final String TAMPERED = "eml-2.2.0/eml-party.xsd";

  @TempDir Path tmp;
  /** Started per test; without the schemas the test is skipped before it exists. */
  @AutoClose private final SchemaMirror mirror;

  SchemaFetcherTest() throws IOException {
    mirror = SchemaMirror.serving(Fixtures.schemas());
  }

  private SchemaFetcher fetcher() {
    return SchemaFetcher.mirror(mirror.url());
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

    mirror.clearServed();
    assertThat(fetcher().fetch(cache, lines::add)).isZero();
    assertThat(mirror.served()).as("files already cached with their digest are not downloaded again").isEmpty();
  }

  @Test
  void refusesAndNamesAFileWhoseDigestDiffersAndDoesNotCacheIt() {
    mirror.tamper(TAMPERED, text -> text.replace("minOccurs=\"0\"", "minOccurs=\"1\""));
    Path dir = tmp.resolve("schemas");
    assertThatThrownBy(() -> fetcher().fetch(dir, line -> {}))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageContaining(TAMPERED + " from " + mirror.url().resolve(TAMPERED))
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

    mirror.tamper(null, null);
    mirror.clearServed();
    assertThat(fetcher().fetch(dir, line -> {})).isEqualTo(1);
    assertThat(mirror.served()).containsExactly(TAMPERED);
    assertThat(PinnedSchemas.allIn(dir)).isTrue();
  }

  @Test
  void anUnreachableSourceIsOneErrorNamingTheUrl() throws IOException {
    String url = mirror.url().toString();
    mirror.close();
    assertThatThrownBy(() -> SchemaFetcher.mirror(java.net.URI.create(url)).fetch(tmp, line -> {}))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageContaining("dataone/dataoneTypes.xsd from " + url + "dataone/dataoneTypes.xsd")
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
