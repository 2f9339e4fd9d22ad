package org.headwater.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.dataone.MemberNodeClient;
import org.headwater.publish.fake.FakeMemberNode;
import org.headwater.publish.fake.Fault;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.testing.Rdflib;
import org.headwater.publish.validate.DocumentValidator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the Metacat-faithful fake node: the publisher says per object whether it uploaded it,
 * found it already there or replaced an older version, and leaves exactly one copy of every object
 * and a complete package after kills and under faults.
 */
class PublishOutcomesIT {
  private static final String EML = "https://eml.ecoinformatics.org/eml-2.2.0";
  @TempDir Path tmp;
  /** Started per test; without the schemas the test is skipped before it exists. */
  @AutoClose private final FakeMemberNode fake;
  private final List<String> lines = new ArrayList<>();
  private final String token = Fixtures.token();
  private final DocumentValidator validator = new DocumentValidator(Fixtures.schemas());

  PublishOutcomesIT() throws IOException {
    fake = new FakeMemberNode(Fixtures.schemas());
  }

  private MemberNodeClient client() {
    return MemberNodeClient.builder(fake.baseUrl()).token(AuthToken.parse(token)).maxAttempts(5)
        .backoff(Duration.ofMillis(5)).timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(5))
        .build();
  }

  private PublishRequest.Builder request(Path run) {
    return PublishRequest.builder(run, fake.baseUrl()).token(AuthToken.parse(token)).schemas(Fixtures.schemas())
        .env(Map.of()).doi(true).progress(lines::add);
  }

  private List<String> outcomes() {
    List<String> o = lines.stream().map(l -> l.substring(l.lastIndexOf("  (") + 3, l.length() - 1)).toList();
    lines.clear();
    return o;
  }

  /** Every object once on the node, and the resource map's members all there, CiTO both ways. */
  private void assertCompletePackage(PublishResult r, int objectsOnNode) throws Exception {
    assertThat(fake.objectCount()).isEqualTo(objectsOnNode);
    for (Pid pid : r.pids()) {
      assertThat(fake.sysmeta(pid.value())).as(pid.value()).isNotNull();
      assertThat(fake.sysmeta(pid.value()).obsoletedBy()).isNull();
    }
    assertThat(Rdflib.citoSummary(fake.content(r.resourceMapPid().value()))).contains("unpaired=0");
  }

  @Test
  void aCleanPublishSaysEachObjectWasUploaded() throws Exception {
    PublishResult r;
    try (MemberNodeClient c = client()) {
      r = Publisher.publish(request(Fixtures.runDir(tmp, "run-1")).build(), c, validator);
    }
    assertThat(outcomes()).containsOnly("uploaded").hasSize(5);
    assertCompletePackage(r, 5);
    assertThat(fake.requests()).filteredOn(s -> s.equals("POST /v2/object")).hasSize(5);
  }

  @Test
  void killedAfterTheNodeStoredAnObjectTheResumeFindsItThereAndUploadsTheRest() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-2");
    try (MemberNodeClient c = client()) {
      assertThatThrownBy(() -> Publisher.publish(request(run).build(), CrashingNode.after(c, EML), validator))
          .hasMessageContaining("simulated crash after the node stored");
    }
    assertThat(outcomes()).containsExactly("uploaded", "uploaded", "uploaded");
    assertThat(fake.objectCount()).isEqualTo(4); // the EML landed; no resource map yet
    fake.inject(new Fault("POST", "/v2/object", Fault.Kind.UNAVAILABLE, 1));
    fake.inject(new Fault("HEAD", "/v2/object", Fault.Kind.SLOW, 1));
    fake.slowDelay(Duration.ofMillis(1200));
    PublishResult r;
    try (MemberNodeClient c = client()) {
      r = Publisher.publish(request(run).build(), c, validator);
    }
    assertThat(outcomes()).containsExactly("already uploaded by an earlier attempt",
        "already uploaded by an earlier attempt", "already uploaded by an earlier attempt",
        "already on the node, same checksum", "uploaded");
    assertCompletePackage(r, 5);
    assertThat(fake.requests()).filteredOn(s -> s.equals("POST /v2/generate")).hasSize(1);
    // 4 stored by the first run; the resource map once refused (503), then stored
    assertThat(fake.requests()).filteredOn(s -> s.equals("POST /v2/object")).hasSize(4 + 2);
  }

  @Test
  void aNewVersionUnderFaultsReusesTheUnchangedAndReplacesTheRestOnce() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-3");
    PublishResult v1;
    PublishResult v2;
    try (MemberNodeClient c = client()) {
      v1 = Publisher.publish(request(run).build(), c, validator);
      outcomes();
      Fixtures.changeOutput(run, "summary.csv", "member,mean_speed,label\n1,1.0,x\n");
      fake.inject(new Fault("PUT", "/v2/object", Fault.Kind.UNAVAILABLE, 2));
      fake.inject(new Fault("PUT", "/v2/object", Fault.Kind.DROP_AFTER_COMMIT, 1));
      fake.inject(new Fault("PUT", "/v2/object", Fault.Kind.DROP_MID_UPLOAD, 1));
      fake.inject(new Fault("GET", "/v2/checksum", Fault.Kind.SLOW, 1));
      fake.slowDelay(Duration.ofMillis(1200));
      v2 = Publisher.publish(request(run).update(v1.doi()).build(), c, validator);
    }
    List<String> o = outcomes();
    assertThat(o).filteredOn(s -> s.equals("unchanged, reused")).hasSize(2);
    assertThat(o).filteredOn(s -> s.startsWith("uploaded, replaces ")).hasSize(3);
    assertThat(o.get(4)).isEqualTo("uploaded, replaces " + v1.resourceMapPid().value());
    assertCompletePackage(v2, 5 + 3);
    assertThat(fake.sysmeta(v1.resourceMapPid().value()).obsoletedBy()).isEqualTo(v2.resourceMapPid());
    assertThat(fake.sysmeta(v1.metadataPid().value()).obsoletedBy()).isEqualTo(v2.metadataPid());
    assertThat(v2.objects()).filteredOn(ob -> ob.formatId().equals(FormatIds.CSV)).isNotEmpty();
    // the faults were hit: 2 refusals, 1 lost answer and 1 dropped upload on top of the 3 updates
    assertThat(fake.requests()).filteredOn(s -> s.startsWith("PUT /v2/object/")).hasSize(3 + 4);
  }
}
