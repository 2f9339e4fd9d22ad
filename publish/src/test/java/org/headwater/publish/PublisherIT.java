package org.headwater.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.headwater.publish.cite.Citations;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.dataone.DataOneException;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.dataone.MemberNodeClient;
import org.headwater.publish.fake.Fault;
import org.headwater.publish.fake.FakeMemberNode;
import org.headwater.publish.ore.ResourceMapReader;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.testing.Rdflib;
import org.headwater.publish.validate.DocumentValidator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing to a Metacat-like fake Member Node on loopback, with faults. */
class PublisherIT {
  @TempDir Path tmp;
  /** Started per test; without the schemas the test is skipped before it exists. */
  @AutoClose private final FakeMemberNode fake;
  private final String token = Fixtures.token();
  private final DocumentValidator validator = new DocumentValidator(Fixtures.schemas());

  PublisherIT() throws IOException {
    fake = new FakeMemberNode(Fixtures.schemas());
  }

  private MemberNodeClient client(String tok) {
    return MemberNodeClient.builder(fake.baseUrl()).token(tok == null ? null : AuthToken.parse(tok))
        .maxAttempts(5).backoff(Duration.ofMillis(5))
        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(5)).build();
  }

  private PublishRequest.Builder request(Path run) {
    return PublishRequest.builder(run, fake.baseUrl()).token(AuthToken.parse(token))
        .schemas(Fixtures.schemas()).env(Map.of());
  }

  private PublishResult publish(PublishRequest req, MemberNode node) {
    return Publisher.publish(req, node, validator);
  }

  @Test
  void uploadsInCommitOrderVerifyingEachObject() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-a");
    PublishResult r;
    try (MemberNodeClient c = client(token)) {
      r = publish(request(run).doi(true).build(), c);
    }
    assertThat(r.doi()).isEqualTo("10.5072/FK2FAKE0001");
    assertThat(fake.objectCount()).isEqualTo(5);
    List<String> writes = fake.requests().stream()
        .filter(s -> s.startsWith("POST") || s.startsWith("GET /v2/checksum")).toList();
    assertThat(writes.get(0)).isEqualTo("POST /v2/generate");
    for (int i = 0; i < 5; i++) {
      assertThat(writes.get(1 + 2 * i)).isEqualTo("POST /v2/object");
      assertThat(writes.get(2 + 2 * i)).startsWith("GET /v2/checksum/");
    }
    assertThat(writes.get(10)).isEqualTo("GET /v2/checksum/resource_map_doi:10.5072%2FFK2FAKE0001");
    assertThat(fake.authHeaders()).allMatch(h -> h.equals("Bearer " + token));
    assertThat(fake.sysmeta(r.pids().get(0).value()).submitter()).isEqualTo(Fixtures.ORCID);
    var map = ResourceMapReader.read(fake.content(r.resourceMapPid().value()), "ore");
    assertThat(map.aggregated()).hasSize(4);
    try (MemberNodeClient anonymous = client(null)) {
      var cited = Citations.lookup(anonymous, "doi:" + r.doi());
      assertThat(Citations.text(cited)).isEqualTo(r.citationText())
          .endsWith(". Fake Arctic Node. doi:10.5072/FK2FAKE0001");
    }
  }

  @Test
  void resourceMapStatesEveryCitoPairBothWaysAsRdflibReadsIt() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-cito");
    PublishResult r;
    try (MemberNodeClient c = client(token)) {
      r = publish(request(run).build(), c);
    }
    int members = r.pids().size() - 2; // all but the EML and the resource map
    assertThat(Rdflib.citoSummary(fake.content(r.resourceMapPid().value()))).isEqualTo(
        "isDocumentedBy=" + (members + 1) + " documents=" + (members + 1) + " unpaired=0 selfDocumenting=1");
  }

  @Test
  void recoversFromOutagesDroppedConnectionsAndSlowAnswersWithOneCopyOfEach() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-b");
    fake.inject(new Fault("POST", "/v2/object", Fault.Kind.UNAVAILABLE, 2));
    fake.inject(new Fault("POST", "/v2/object", Fault.Kind.DROP_MID_UPLOAD, 1));
    fake.inject(new Fault("POST", "/v2/object", Fault.Kind.DROP_AFTER_COMMIT, 1));
    fake.inject(new Fault("GET", "/v2/checksum", Fault.Kind.SLOW, 1));
    fake.inject(new Fault("HEAD", "/v2/object", Fault.Kind.UNAVAILABLE, 1));
    fake.slowDelay(Duration.ofMillis(1500));
    PublishResult r;
    try (MemberNodeClient c = client(token)) {
      r = publish(request(run).build(), c);
    }
    assertThat(fake.objectCount()).isEqualTo(5);
    for (var pid : r.pids()) {
      assertThat(fake.sysmeta(pid.value())).isNotNull();
    }
    assertThat(fake.requests()).filteredOn(s -> s.equals("POST /v2/object")).hasSizeGreaterThan(5);
  }

  @Test
  void resumesAfterACrashWithoutDuplicatesOrANewDoi() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-c");
    try (MemberNodeClient c = client(token)) {
      MemberNode crashing = new CrashingNode(c, "https://eml.ecoinformatics.org/eml-2.2.0");
      assertThatThrownBy(() -> publish(request(run).doi(true).build(), crashing)).hasMessageContaining("crash");
    }
    assertThat(fake.objectCount()).isEqualTo(3); // data and recipe only: no half package
    PublishResult r;
    try (MemberNodeClient c = client(token)) {
      r = publish(request(run).doi(true).build(), c);
    }
    assertThat(fake.objectCount()).isEqualTo(5);
    assertThat(r.doi()).isEqualTo("10.5072/FK2FAKE0001");
    assertThat(fake.requests()).filteredOn(s -> s.equals("POST /v2/generate")).hasSize(1);
    assertThat(fake.requests()).filteredOn(s -> s.equals("POST /v2/object")).hasSize(5);
  }

  @Test
  void updateReusesUnchangedDataAndSetsObsoletedBy() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-d");
    PublishResult v1;
    PublishResult v2;
    try (MemberNodeClient c = client(token)) {
      v1 = publish(request(run).doi(true).build(), c);
      Fixtures.changeOutput(run, "summary.csv", "member,mean_speed,label\n1,1.0,x\n");
      v2 = publish(request(run).doi(true).update(v1.doi()).build(), c);
    }
    assertThat(v2.pids().get(0)).isEqualTo(v1.pids().get(0));
    assertThat(fake.objectCount()).isEqualTo(5 + 3);
    assertThat(fake.sysmeta(v1.pids().get(1).value()).obsoletedBy()).isEqualTo(v2.pids().get(1));
    assertThat(fake.sysmeta(v1.metadataPid().value()).obsoletedBy()).isEqualTo(v2.metadataPid());
    assertThat(fake.sysmeta(v1.resourceMapPid().value()).obsoletedBy()).isEqualTo(v2.resourceMapPid());
    assertThat(fake.requests()).filteredOn(s -> s.startsWith("PUT /v2/object/")).hasSize(3);
    assertThat(new String(fake.content(v2.resourceMapPid().value()), StandardCharsets.UTF_8))
        .contains("prov:wasRevisionOf", "ontology#Execution");
  }

  @Test
  void refusesAnExpiredTokenBeforeAnyUploadAndSaysHowToGetOne() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-e");
    String expired = Fixtures.jwt(Fixtures.ORCID, Instant.now().minusSeconds(60));
    PublishRequest req = PublishRequest.builder(run, fake.baseUrl()).token(AuthToken.parse(expired))
        .schemas(Fixtures.schemas()).env(Map.of()).build();
    assertThatThrownBy(() -> Publisher.publish(req))
        .isInstanceOf(DataOneException.InvalidToken.class)
        .hasMessageContaining("Settings, Authentication Token")
        .hasMessageNotContaining(expired);
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void nodeRejectsMissingTokenWithInvalidToken() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-f");
    try (MemberNodeClient c = client(null)) {
      assertThatThrownBy(() -> publish(PublishRequest.builder(run, fake.baseUrl()).schemas(Fixtures.schemas())
          .env(Map.of()).build(), c)).isInstanceOf(DataOneException.InvalidToken.class)
          .hasMessageContaining("InvalidToken (401.1110)").hasMessageContaining("Session is required to WRITE");
    }
    assertThat(fake.objectCount()).isZero();
  }

  @Test
  void theTokenAppearsInNoFileAndNoLogLine() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-g");
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try (MemberNodeClient c = client(token)) {
      fake.inject(new Fault("POST", "/v2/object", Fault.Kind.UNAVAILABLE, 1));
      PublishResult r = publish(request(run).doi(true).build(), c);
      assertThat(r.toString()).doesNotContain(token);
    } finally {
      System.setErr(err);
    }
    String secret = token.substring(token.lastIndexOf('.') + 1);
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("Publishing run run-g").doesNotContain(secret);
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
      }
    }
    assertThat(AuthToken.parse(token).toString()).doesNotContain(secret);
  }
}
