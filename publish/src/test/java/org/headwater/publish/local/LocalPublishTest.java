package org.headwater.publish.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headwater.publish.PublishException;
import org.headwater.publish.PublishRequest;
import org.headwater.publish.PublishResult;
import org.headwater.publish.Publisher;
import org.headwater.publish.cite.Citations;
import org.headwater.publish.dataone.DataOneException;
import org.headwater.publish.ore.ResourceMapReader;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.validate.DocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPublishTest {
  @TempDir Path tmp;

  private PublishRequest.Builder request(Path run, Path archive) {
    return PublishRequest.builder(run, "local:" + archive).schemas(Fixtures.schemas()).env(Map.of());
  }

  @Test
  void publishesAValidPackageLaidOutByPidWithATestPrefixDoi() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-1");
    Path archive = tmp.resolve("archive");
    List<String> lines = new ArrayList<>();
    PublishResult r = Publisher.publish(request(run, archive).doi(true).progress(lines::add).build());

    assertThat(r.doi()).startsWith("10.5072/FK2");
    assertThat(r.resourceMapPid().value()).isEqualTo("resource_map_" + r.metadataPid().value());
    assertThat(r.objects()).extracting(o -> o.fileName())
        .containsExactly("speed.nc", "summary.csv", "recipe.yaml", "eml.xml", "resource_map.rdf");
    assertThat(lines).hasSize(5);
    LocalArchive node = LocalArchive.open(archive);
    DocumentValidator v = new DocumentValidator(Fixtures.schemas());
    for (Pid pid : r.pids()) {
      assertThat(node.dir(pid).resolve("object")).exists();
      byte[] sm = Files.readAllBytes(node.dir(pid).resolve("sysmeta.xml"));
      v.validateSystemMetadata(sm, pid.value());
    }
    SystemMetadata nc = node.getSystemMetadata(r.pids().get(0));
    assertThat(nc.formatId()).isEqualTo(FormatIds.NETCDF4);
    assertThat(nc.rightsHolder()).isEqualTo(Fixtures.ORCID);
    assertThat(node.getSystemMetadata(r.pids().get(2)).mediaType()).isEqualTo("application/yaml");
    byte[] eml = node.get(r.metadataPid(), 1 << 20);
    v.validateEml(eml, "eml");
    var map = ResourceMapReader.read(node.get(r.resourceMapPid(), 1 << 20), "ore");
    assertThat(map.aggregated()).hasSize(4).contains(r.metadataPid().value());
    assertThat(map.metadata()).containsExactly(r.metadataPid().value());

    assertThat(r.citationText()).isEqualTo("Lovelace, A., Babbage, C. " + java.time.Year.now()
        + ". Greenland surface speed <ensemble> & means. Headwater local archive. doi:" + r.doi());
    assertThat(Files.readString(run.resolve("CITATION.cff"))).contains("cff-version: 1.2.0", "doi: " + r.doi());
    String cited = Citations.format(Citations.lookup(node, "https://doi.org/" + r.doi()), Citations.Format.TEXT);
    assertThat(cited).isEqualTo(r.citationText());
    assertThat(Citations.lookup(node, r.resourceMapPid().value()).identifier()).isEqualTo(r.metadataPid());
  }

  @Test
  void rerunIsIdempotent() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-2");
    Path archive = tmp.resolve("archive");
    PublishResult first = Publisher.publish(request(run, archive).build());
    PublishResult again = Publisher.publish(request(run, archive).build());
    assertThat(again.alreadyPublished()).isTrue();
    assertThat(again.pids()).isEqualTo(first.pids());
    try (var s = Files.list(archive.resolve("objects"))) {
      assertThat(s.count()).isEqualTo(5);
    }
  }

  @Test
  void updateReusesUnchangedDataAndObsoletesTheRest() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-3");
    Path archive = tmp.resolve("archive");
    PublishResult v1 = Publisher.publish(request(run, archive).doi(true).build());
    Fixtures.changeOutput(run, "summary.csv", "member,mean_speed,label\n1,99.0,x\n");
    PublishResult v2 = Publisher.publish(request(run, archive).doi(true).update(v1.doi()).build());

    assertThat(v2.pids().get(0)).isEqualTo(v1.pids().get(0)); // speed.nc unchanged
    assertThat(v2.pids().get(1)).isNotEqualTo(v1.pids().get(1)); // summary.csv changed
    LocalArchive node = LocalArchive.open(archive);
    assertThat(node.getSystemMetadata(v1.pids().get(1)).obsoletedBy()).isEqualTo(v2.pids().get(1));
    assertThat(node.getSystemMetadata(v2.pids().get(1)).obsoletes()).isEqualTo(v1.pids().get(1));
    assertThat(node.getSystemMetadata(v1.metadataPid()).obsoletedBy()).isEqualTo(v2.metadataPid());
    assertThat(node.getSystemMetadata(v1.resourceMapPid()).obsoletedBy()).isEqualTo(v2.resourceMapPid());
    String ore = new String(node.get(v2.resourceMapPid(), 1 << 20), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(ore).contains("wasRevisionOf");
    assertThat(Publisher.publish(request(run, archive).doi(true).update(v1.doi()).build()).alreadyPublished()).isTrue();
    Path other = Fixtures.runDir(tmp.resolve("other"), "run-3b");
    assertThatThrownBy(() -> Publisher.publish(request(other, archive).update(v1.doi()).build()))
        .isInstanceOf(PublishException.class).hasMessageContaining("newer version");
  }

  @Test
  void dryRunWritesValidatedDocumentsAndNoJournalInTheRun() throws Exception {
    Path run = Fixtures.runDir(tmp, "run-4");
    Path dry = tmp.resolve("dry");
    PublishResult r = Publisher.publish(request(run, "local:" + tmp.resolve("unused")).dryRun(dry).doi(true).build());
    assertThat(dry.resolve("eml.xml")).exists();
    assertThat(dry.resolve("resource_map.rdf")).exists();
    assertThat(dry.resolve("CITATION.cff")).exists();
    assertThat(run.resolve("publish")).doesNotExist();
    assertThat(tmp.resolve("unused")).doesNotExist();
    assertThat(r.citation().publisher()).isEqualTo("Dry run (not published)");
  }

  private PublishRequest.Builder request(Path run, String node) {
    return PublishRequest.builder(run, node).schemas(Fixtures.schemas()).env(Map.of());
  }

  @Test
  void archiveRefusesDuplicatesAndObsoletesOnCreate() throws Exception {
    LocalArchive node = LocalArchive.open(tmp.resolve("a"));
    Path f = Files.writeString(tmp.resolve("x.txt"), "hello");
    var cs = org.headwater.publish.sysmeta.Checksum.sha256Of(f);
    Pid pid = Pid.of("../../etc");
    var sm = SystemMetadata.forUpload(pid, FormatIds.TEXT, 5, cs, null, "public", List.of(), "text/plain", "x.txt");
    node.create(pid, sm, f);
    assertThat(node.dir(pid).getParent()).isEqualTo(tmp.resolve("a/objects").toAbsolutePath());
    assertThatThrownBy(() -> node.create(pid, sm, f)).isInstanceOf(DataOneException.IdentifierNotUnique.class);
    Pid p2 = Pid.of("p2");
    assertThatThrownBy(() -> node.create(p2, SystemMetadata.forUpload(p2, FormatIds.TEXT, 5, cs, null, "public",
        List.of(), null, null).withObsoletes(pid), f)).isInstanceOf(DataOneException.InvalidSystemMetadata.class);
  }
}
