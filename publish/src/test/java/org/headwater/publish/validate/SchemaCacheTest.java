package org.headwater.publish.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.headwater.publish.PublishException;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCacheTest {
  @TempDir Path tmp;

  @Test
  void aFolderTheUserNamesMustHoldTheSchemas() {
    assertThatThrownBy(() -> SchemaCache.find(tmp, Map.of()))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageContaining("--schemas points at " + tmp)
        .hasMessageContaining("headwater schemas fetch");
    assertThatThrownBy(() -> SchemaCache.find(null, Map.of(SchemaCache.ENV, tmp.toString())))
        .hasMessageContaining("HEADWATER_SCHEMAS points at");
  }

  @Test
  void noSchemasAnywhereIsEmptyAndLocateSaysWhichCommandFixesIt() {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.toString());
    assertThat(SchemaCache.userCache(env)).isEqualTo(tmp.resolve("headwater/schemas"));
    assertThat(SchemaCache.find(null, env)).isEmpty();
    assertThatThrownBy(() -> SchemaCache.locate(null, env))
        .isInstanceOf(PublishException.SchemasNotFound.class)
        .hasMessageContaining("run 'headwater schemas fetch'")
        .hasMessageContaining(tmp.resolve("headwater/schemas").toString());
  }

  @Test
  void theUserCacheDefaultsUnderTheHomeFolder() {
    assertThat(SchemaCache.userCache(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache/headwater/schemas"));
  }

  @Test
  void theUserCacheCountsOnlyWhenEveryPinnedFileHasItsDigest() throws IOException {
    Path shared = Fixtures.schemas();
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.toString());
    Path cache = SchemaCache.userCache(env);
    for (PinnedSchemas.PinnedFile f : PinnedSchemas.files()) {
      Files.createDirectories(cache.resolve(f.path()).getParent());
      Files.copy(shared.resolve(f.path()), cache.resolve(f.path()));
    }
    assertThat(SchemaCache.find(null, env)).contains(cache);

    Path eml = cache.resolve("eml-2.2.0/eml.xsd");
    Files.writeString(eml, Files.readString(eml).replace("</xs:schema>", "<!-- edited --></xs:schema>"));
    assertThat(SchemaCache.find(null, env)).isEmpty();
  }
}
