package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZarrManifestTest {
  @TempDir Path tmp;
  static final String SHA_HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  static final String SHA_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void manifestListsFilesSortedByPathWithSizeAndHash() throws Exception {
    Files.createDirectories(tmp.resolve("a"));
    Files.writeString(tmp.resolve("b.txt"), "hello");
    Files.writeString(tmp.resolve("a/c"), "");
    Files.writeString(tmp.resolve("a/b"), "hello");
    Files.writeString(tmp.resolve("a.txt"), "");
    ZarrManifest.Manifest m = ZarrManifest.of(tmp);
    String text = "a.txt\t0\t" + SHA_EMPTY + "\n"
        + "a/b\t5\t" + SHA_HELLO + "\n"
        + "a/c\t0\t" + SHA_EMPTY + "\n"
        + "b.txt\t5\t" + SHA_HELLO + "\n";
    assertThat(m.text()).isEqualTo(text);
    assertThat(m.entries()).extracting(ZarrManifest.Entry::path).containsExactly("a.txt", "a/b", "a/c", "b.txt");
    assertThat(m.entries().get(1)).isEqualTo(new ZarrManifest.Entry("a/b", 5, SHA_HELLO));
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(m.sha256()).isEqualTo(expected).hasSize(64);
  }

  @Test
  void hashChangesWithContentAndNamesButNotWithLocation() throws Exception {
    Path one = Files.createDirectories(tmp.resolve("one"));
    Path two = Files.createDirectories(tmp.resolve("elsewhere/two"));
    for (Path p : new Path[] {one, two}) {
      Files.write(p.resolve("0.0"), new byte[100_000]);
    }
    String hash = ZarrManifest.of(one).sha256();
    assertThat(ZarrManifest.of(two).sha256()).isEqualTo(hash);
    byte[] changed = new byte[100_000];
    changed[99_999] = 1;
    Files.write(two.resolve("0.0"), changed);
    assertThat(ZarrManifest.of(two).sha256()).isNotEqualTo(hash);
    Files.write(two.resolve("0.0"), new byte[100_000]);
    Files.move(two.resolve("0.0"), two.resolve("0.1"));
    assertThat(ZarrManifest.of(two).sha256()).isNotEqualTo(hash);
  }

  @Test
  void missingDirectoryFailsClearly() {
    assertThatThrownBy(() -> ZarrManifest.of(tmp.resolve("nope")))
        .isInstanceOf(ZarrException.class).hasMessageContaining("is not a directory");
  }
}
