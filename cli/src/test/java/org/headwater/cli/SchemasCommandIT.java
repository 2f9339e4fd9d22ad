package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockWebServer;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.testing.SchemaMirror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater schemas fetch} through the command line, from loopback copies. */
class SchemasCommandIT {
  @TempDir Path tmp;

  @Test
  void anUnreachableSourceIsOneErrorLineAndANonZeroExit() throws IOException {
    MockWebServer dead = new MockWebServer();
    dead.start();
    String url = dead.url("/copy/").toString();
    dead.shutdown();
    CliRun r = CliRun.of("schemas", "fetch", "--from", url, "--to", tmp.resolve("s").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip()).startsWith("headwater: error: could not fetch the XML schemas into "
        + tmp.resolve("s")).contains(url + "dataone/dataoneTypes.xsd").doesNotContain("\n");
  }

  @Test
  void fetchesEveryFileFromACopyAndSaysSo() throws IOException {
    Path copy = Fixtures.schemas();
    try (SchemaMirror mirror = SchemaMirror.serving(copy)) {
      CliRun r = CliRun.of("schemas", "fetch", "--from", mirror.url().toString(), "--to",
          tmp.resolve("s").toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("fetched eml-2.2.0/eml.xsd")
          .contains("33 of 33 files fetched, all 33 verified against their pinned SHA-256: " + tmp.resolve("s"));
      assertThat(tmp.resolve("s/dataone/dataoneTypes_v2.0.xsd")).hasSameBinaryContentAs(
          copy.resolve("dataone/dataoneTypes_v2.0.xsd"));
    }
  }
}
