package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.headwater.publish.fake.FakeMemberNode;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing bad input through the command line, against the Metacat-faithful fake node: one
 * error line naming the thing and what to do, a non-zero exit, nothing created or updated on the
 * node, and the token nowhere in the output, the log or any file.
 */
class PublishBadInputIT {
  @TempDir Path tmp;
  /** Started per test; without the schemas the test is skipped before it exists. */
  @AutoClose private final FakeMemberNode node;
  private Path run;
  private final String token = Fixtures.token();
  private final List<String> tokensUsed = new ArrayList<>();

  PublishBadInputIT() throws IOException {
    node = new FakeMemberNode(Fixtures.schemas());
  }

  @BeforeEach
  void start() throws Exception {
    run = Fixtures.runDir(tmp, "run-bad");
  }

  private Path tokenFile(String text) throws IOException {
    tokensUsed.add(text);
    return Files.writeString(tmp.resolve("token-" + tokensUsed.size()), text);
  }

  private CliRun publish(Path runDir, String nodeUrl, Path tokenFile) {
    List<String> args = new ArrayList<>(List.of("publish", runDir.toString(), "--node", nodeUrl,
        "--schemas", Fixtures.schemas().toString(), "--store", tmp.resolve("lineage").toString()));
    if (tokenFile != null) {
      args.addAll(List.of("--token-file", tokenFile.toString()));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  /** One error line holding every fragment, non-zero exit, nothing stored, no token anywhere. */
  private String assertRefused(CliRun o, String... fragments) throws IOException {
    assertThat(o.code()).isNotZero();
    List<String> errors = o.err().lines().filter(l -> l.startsWith("headwater: error: ")).toList();
    assertThat(errors).as(o.err()).hasSize(1);
    assertThat(errors.get(0)).contains(fragments);
    assertThat(node.objectCount()).isZero();
    for (String t : tokensUsed) {
      String secret = t.strip().substring(t.strip().lastIndexOf('.') + 1);
      assertThat(o.out()).doesNotContain(secret);
      assertThat(o.err()).doesNotContain(secret);
      try (Stream<Path> files = Files.walk(tmp)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("token-"))
            .toList()) {
          assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
        }
      }
    }
    return errors.get(0);
  }

  private void setStatus(String status) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode r = (ObjectNode) json.readTree(run.resolve("run.json").toFile());
    r.put("status", status);
    json.writeValue(run.resolve("run.json").toFile(), r);
  }

  @Test
  void anExpiredTokenIsRefusedBeforeContactingTheNode() throws Exception {
    Path f = tokenFile(Fixtures.jwt(Fixtures.ORCID, Instant.now().minusSeconds(3600)));
    assertRefused(publish(run, node.baseUrl(), f), "InvalidToken", "expired at", "Settings, Authentication Token");
    assertThat(node.requests()).isEmpty();
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void aMalformedTokenIsRefusedBeforeContactingTheNode() throws Exception {
    Path f = tokenFile("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2lnbmF0dXJlLXNlY3JldC1NQUxGT1JNRUQ");
    assertRefused(publish(run, node.baseUrl(), f), "InvalidToken", "cannot be decoded", "--token-file");
    assertThat(node.requests()).isEmpty();
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void aMissingTokenIsRefusedBeforeContactingTheNode() throws Exception {
    Assumptions.assumeTrue(System.getenv("HEADWATER_TOKEN") == null, "HEADWATER_TOKEN is set in this environment");
    assertRefused(publish(run, node.baseUrl(), null), "InvalidToken", "needs an authentication token",
        "--token-file");
    assertThat(node.requests()).isEmpty();
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void aTokenTheNodeDoesNotAcceptStopsAtTheFirstWrite() throws Exception {
    node.acceptOnly(Fixtures.jwt("http://orcid.org/0000-0000-0000-0001", Instant.now().plusSeconds(3600)));
    Path f = tokenFile(token);
    // Metacat answers a token it cannot verify as no session: InvalidToken 1110 on create.
    assertRefused(publish(run, node.baseUrl(), f), "InvalidToken (401.1110)", "Session is required",
        "Settings, Authentication Token");
    // Nothing tells a node's write check apart before a write: the first create is refused, not
    // retried, and nothing is stored; no update is tried.
    assertThat(node.requests()).filteredOn(r -> r.startsWith("POST /v2/object") || r.startsWith("PUT /v2/object"))
        .containsExactly("POST /v2/object");
  }

  @Test
  void anUnreachableNodeIsNamedWithWhatToDo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/mn";
    assertRefused(publish(run, url, tokenFile(token)), url, "check that the node URL is right");
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void aFailedRunIsNotPublished() throws Exception {
    setStatus("failed");
    assertRefused(publish(run, node.baseUrl(), tokenFile(token)), run.toString(), "'failed'",
        "only a succeeded run can be published", "headwater run");
    assertThat(node.requests()).isEmpty();
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void aRunStillRunningOrKilledIsNotPublished() throws Exception {
    setStatus("running");
    assertRefused(publish(run, node.baseUrl(), tokenFile(token)), run.toString(), "'running'", "is incomplete",
        "only a succeeded run can be published", "headwater run");
    assertThat(node.requests()).isEmpty();
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void aRunDirectoryWithoutRunJsonIsNotPublished() throws Exception {
    Files.delete(run.resolve("run.json"));
    assertRefused(publish(run, node.baseUrl(), tokenFile(token)), run.resolve("run.json").toString(),
        "headwater run");
    assertThat(node.requests()).isEmpty();
    assertThat(node.receivedWrites()).isFalse();
  }

  @Test
  void anOutputWhoseBytesChangedSinceTheRunIsNotPublished() throws Exception {
    Files.writeString(run.resolve("outputs/summary.csv"), "member,mean_speed,label\n1,0,edited\n");
    assertRefused(publish(run, node.baseUrl(), tokenFile(token)), "summary.csv", "changed since the run",
        "re-run the recipe");
    assertThat(node.receivedWrites()).isFalse();
  }
}
