package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Assumptions;
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
    Path shared = Path.of(System.getProperty("headwater.repo", "..")).resolve("../shared/schemas").normalize();
    String env = System.getenv("HEADWATER_SCHEMAS");
    Path copy = env != null ? Path.of(env) : shared;
    if (!Files.isRegularFile(copy.resolve("eml-2.2.0/eml.xsd"))) {
      String reason = "needs the official XSDs in HEADWATER_SCHEMAS or ../shared/schemas to serve";
      // Surefire keeps System.err in report files; a skip's reason belongs on the console
      new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true)
          .println("[SKIPPED] SchemasCommandIT: " + reason);
      Assumptions.abort(reason);
    }
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest req) {
        try {
          return new MockResponse().setBody(new Buffer().write(
              Files.readAllBytes(copy.resolve(req.getPath().substring("/copy/".length())))));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    server.start();
    try {
      CliRun r = CliRun.of("schemas", "fetch", "--from", server.url("/copy/").toString(), "--to",
          tmp.resolve("s").toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("fetched eml-2.2.0/eml.xsd")
          .contains("33 of 33 files fetched, all 33 verified against their pinned SHA-256: " + tmp.resolve("s"));
      assertThat(tmp.resolve("s/dataone/dataoneTypes_v2.0.xsd")).hasSameBinaryContentAs(
          copy.resolve("dataone/dataoneTypes_v2.0.xsd"));
    } finally {
      server.shutdown();
    }
  }
}
