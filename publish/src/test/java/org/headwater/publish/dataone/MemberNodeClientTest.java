package org.headwater.publish.dataone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.headwater.publish.PublishException;
import org.headwater.publish.sysmeta.AccessRule;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberNodeClientTest {
  @TempDir Path tmp;
  private final MockWebServer server = new MockWebServer();
  private final String token = Fixtures.token();
  private MemberNodeClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = MemberNodeClient.builder(server.url("/metacat/d1/mn").toString()).token(AuthToken.parse(token))
        .maxAttempts(3).backoff(Duration.ZERO).timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2))
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  private static MockResponse xml(String body) {
    return new MockResponse().setHeader("Content-Type", "text/xml").setBody(body);
  }

  private static String error(String name, int code, String detail, String description) {
    return "<?xml version=\"1.0\"?><error name=\"" + name + "\" errorCode=\"" + code + "\" detailCode=\"" + detail
        + "\"><description>" + description + "</description></error>";
  }

  @Test
  void createSendsPidThenSysmetaThenTheStreamedObjectWithBearerAuth() throws Exception {
    Path f = Files.writeString(tmp.resolve("a.csv"), "x,y\n1,2\n");
    Pid pid = Pid.of("doi:10.5072/FK2/ABC");
    SystemMetadata sm = SystemMetadata.forUpload(pid, FormatIds.CSV, Files.size(f), Checksum.sha256Of(f),
        Fixtures.ORCID, Fixtures.ORCID, List.of(AccessRule.publicRead()), "text/csv", "a.csv");
    server.enqueue(xml("<d1:identifier xmlns:d1=\"http://ns.dataone.org/service/types/v1\">doi:10.5072/FK2/ABC</d1:identifier>"));
    client.create(pid, sm, f);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/metacat/d1/mn/v2/object");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token);
    assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(r.getHeader("Content-Length")).isNotNull();
    String body = r.getBody().readString(StandardCharsets.UTF_8);
    int pidAt = body.indexOf("name=\"pid\"");
    int smAt = body.indexOf("name=\"sysmeta\"");
    int objAt = body.indexOf("name=\"object\"; filename=\"a.csv\"");
    assertThat(pidAt).isPositive().isLessThan(smAt);
    assertThat(smAt).isLessThan(objAt);
    assertThat(body).contains("<identifier>doi:10.5072/FK2/ABC</identifier>", "x,y\n1,2\n");
  }

  @Test
  void encodesPidsAsOnePathSegment() throws Exception {
    server.enqueue(xml("<d1:checksum xmlns:d1=\"http://ns.dataone.org/service/types/v1\" algorithm=\"SHA-256\">ABCD</d1:checksum>"));
    Checksum c = client.getChecksum(Pid.of("doi:10.5072/FK2/a?b#c%d"), "SHA-256");
    assertThat(c).isEqualTo(Checksum.sha256("abcd"));
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/metacat/d1/mn/v2/checksum/doi:10.5072%2FFK2%2Fa%3Fb%23c%25d?checksumAlgorithm=SHA-256");
  }

  @Test
  void turnsErrorBodiesIntoTypedExceptionsWithCodesAndDescription() {
    server.enqueue(xml(error("NotAuthorized", 401, "1100", "CN=x is not allowed to write urn:1")).setResponseCode(401));
    assertThatThrownBy(() -> client.isAuthorized(Pid.of("urn:1"), "write"))
        .isInstanceOfSatisfying(DataOneException.NotAuthorized.class, e -> {
          assertThat(e.errorCode()).isEqualTo(401);
          assertThat(e.detailCode()).isEqualTo("1100");
          assertThat(e.pid()).isEqualTo("urn:1");
          assertThat(e.description()).isEqualTo("CN=x is not allowed to write urn:1");
        });
    server.enqueue(xml(error("IdentifierNotUnique", 409, "1120", "in use")).setResponseCode(409));
    assertThatThrownBy(() -> client.archive(Pid.of("urn:2"))).isInstanceOf(DataOneException.IdentifierNotUnique.class)
        .hasMessageContaining("1120").hasMessageContaining("in use");
    assertThat(server.getRequestCount()).isEqualTo(2); // 4xx are not retried
  }

  @Test
  void describeReadsHeadersAndExceptionHeaders() {
    server.enqueue(new MockResponse().setHeader("DataONE-formatId", "netCDF-4")
        .setHeader("DataONE-Checksum", "SHA-256,ab12").setHeader("Content-Length", "42"));
    ObjectDescription d = client.describe(Pid.of("urn:3"));
    assertThat(d.formatId()).isEqualTo("netCDF-4");
    assertThat(d.checksum()).isEqualTo(Checksum.sha256("ab12"));
    server.enqueue(new MockResponse().setResponseCode(404).setHeader("DataONE-Exception-Name", "NotFound")
        .setHeader("DataONE-Exception-DetailCode", "1380").setHeader("DataONE-Exception-Description", "no such object"));
    assertThatThrownBy(() -> client.describe(Pid.of("urn:4"))).isInstanceOfSatisfying(DataOneException.NotFound.class,
        e -> assertThat(e.detailCode()).isEqualTo("1380"));
  }

  @Test
  void readsFullyQualifiedExceptionNamesInHeadersAndBodies() {
    // Metacat's MNResourceHandler.describeObject writes e.getClass().getName() into the header.
    server.enqueue(new MockResponse().setResponseCode(404)
        .setHeader("DataONE-Exception-Name", "org.dataone.service.exceptions.NotFound")
        .setHeader("DataONE-Exception-DetailCode", "1380").setHeader("DataONE-Exception-Description", "gone")
        .setHeader("DataONE-Exception-PID", "urn:5"));
    assertThatThrownBy(() -> client.describe(Pid.of("urn:5"))).isInstanceOfSatisfying(DataOneException.NotFound.class,
        e -> assertThat(e.name()).isEqualTo("NotFound"));
    server.enqueue(xml(error("org.dataone.service.exceptions.InvalidToken", 401, "1110", "no session"))
        .setResponseCode(401));
    assertThatThrownBy(() -> client.archive(Pid.of("urn:6"))).isInstanceOf(DataOneException.InvalidToken.class)
        .hasMessageStartingWith("InvalidToken (401.1110)");
  }

  @Test
  void describeReadsMetacatsObjectFormatHeader() {
    // MNResourceHandler.describeObject: DataONE-ObjectFormat, not the API document's DataONE-formatId.
    server.enqueue(new MockResponse().setHeader("DataONE-ObjectFormat", "text/csv")
        .setHeader("DataONE-Checksum", "SHA-256,ab12").setHeader("Content-Length", "7"));
    ObjectDescription d = client.describe(Pid.of("urn:7"));
    assertThat(d.formatId()).isEqualTo("text/csv");
    assertThat(d.size()).isEqualTo(7);
  }

  @Test
  void retries503AndDroppedConnectionsThenSucceeds() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>busy</html>"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("<d1:node xmlns:d1=\"http://ns.dataone.org/service/types/v2.0\">"
        + "<identifier>urn:node:ARCTIC</identifier><name>Arctic Data Center</name><baseURL>x</baseURL></d1:node>"));
    assertThat(client.node().name()).isEqualTo("Arctic Data Center");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));
    }
    assertThatThrownBy(() -> client.ping()).isInstanceOf(DataOneException.ServiceFailure.class)
        .hasMessageContaining("bad gateway");
    server.enqueue(new MockResponse().setResponseCode(501).setBody(error("NotImplemented", 501, "0", "no")));
    assertThatThrownBy(() -> client.ping()).isInstanceOf(DataOneException.NotImplemented.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void generateAsksForTheScheme() throws Exception {
    server.enqueue(xml("<d1:identifier xmlns:d1=\"http://ns.dataone.org/service/types/v1\">doi:10.18739/A2XYZ</d1:identifier>"));
    assertThat(client.generate("DOI")).isEqualTo(Pid.of("doi:10.18739/A2XYZ"));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getPath()).endsWith("/v2/generate");
    assertThat(r.getBody().readUtf8()).contains("name=\"scheme\"", "DOI");
  }

  @Test
  void refusesPlainHttpToRemoteHostsUnlessInsecure() {
    assertThatThrownBy(() -> MemberNodeClient.builder("http://arcticdata.io/metacat/d1/mn").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--insecure");
    MemberNodeClient.builder("http://arcticdata.io/metacat/d1/mn").insecure(true).build().close();
    MemberNodeClient.builder("http://localhost:1/mn").build().close();
    assertThat(MemberNodeClient.builder("https://arcticdata.io/metacat/d1/mn").build().resolveUrl(Pid.of("urn:uuid:1")))
        .isEqualTo("https://cn.dataone.org/cn/v2/resolve/urn%3Auuid%3A1");
  }

  @Test
  void readTimeoutsAreRetried() {
    server.enqueue(new MockResponse().setBody("late").setHeadersDelay(2, java.util.concurrent.TimeUnit.SECONDS));
    server.enqueue(new MockResponse().setBody(""));
    client.ping();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void transportFailureAfterRetriesNamesTheUrlNotTheToken() throws Exception {
    server.shutdown();
    assertThatThrownBy(() -> client.ping()).isInstanceOf(PublishException.TransportFailure.class)
        .hasMessageContaining("/v2/monitor/ping").hasMessageNotContaining(token);
  }
}
