package org.headwater.provenance.store.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.StoreAccessException;
import org.headwater.provenance.StoreUnreachableException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreQueries;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.StoreToken;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote store against the project's own server ({@code headwater serve}: Fuseki 5.6.0 over a
 * TDB2 store) on a free loopback port: graph writes by the Graph Store Protocol with and without
 * the token, reads and the shipped queries (sent to the endpoint; more in {@link RemoteReadsIT}),
 * and graphs that wait while the server is down.
 */
class RemoteLineageStoreIT {
  private static final StoreToken TOKEN = StoreToken.of("s3cret-for-tests");
  private static final String RUN = ProvenanceGraphs.graphName("run-greenland-1");

  @TempDir Path dir;

  @Test
  void writesWithTheTokenAndAnswersTheShippedQueriesAsTheEmbeddedStoreDoes() throws Exception {
    try (TdbLineageStore served = LineageStore.open(dir.resolve("served"));
        LineageServer server = LineageServer.start(served, "127.0.0.1", 0, TOKEN);
        TdbLineageStore local = LineageStore.open(dir.resolve("local"))) {
      RemoteLineageStore remote = RemoteLineageStore.connect(URI.create(dataset(server)), TOKEN);
      var graph = ProvenanceGraphs.build(Fixtures.greenland(), null);
      remote.load("run-greenland-1", graph);
      local.load("run-greenland-1", graph);

      assertThat(served.graphNames()).containsExactly(RUN);
      assertThat(served.graphSize(RUN)).isEqualTo(graph.size());
      RemoteLineageStore reader = RemoteLineageStore.connect(URI.create(dataset(server)), null);
      assertThat(reader.graphNames()).containsExactly(RUN);
      assertThat(reader.contains(RUN)).isTrue();
      assertThat(reader.graphSize(RUN)).isEqualTo(graph.size());
      var target = Map.of("target", NodeFactory.createURI("https://data.example.org/speed_m0.nc"));
      for (NamedQuery q : new NamedQuery[] {NamedQuery.DOWNSTREAM_IMPACT, NamedQuery.SOURCE_ROOTS}) {
        assertThat(csv(reader, q, target)).as(q.name()).isEqualTo(csv(local, q, target)).contains("\n");
      }
    }
  }

  @Test
  void refusesWritesWithoutTheTokenOrWithAWrongOneAndSaysWhatToDo() {
    try (TdbLineageStore served = LineageStore.open(dir.resolve("served"));
        LineageServer server = LineageServer.start(served, "127.0.0.1", 0, TOKEN)) {
      var graph = ProvenanceGraphs.build(Fixtures.greenland(), null);
      assertThatThrownBy(() -> RemoteLineageStore.connect(URI.create(dataset(server)), null).load("r", graph))
          .isInstanceOfSatisfying(StoreAccessException.class, e -> assertThat(e.status()).isEqualTo(401))
          .hasMessageContaining(dataset(server)).hasMessageContaining("HEADWATER_STORE_TOKEN")
          .hasMessageNotContaining("s3cret");
      assertThatThrownBy(() -> RemoteLineageStore.connect(URI.create(dataset(server)), StoreToken.of("wrong")).load("r", graph))
          .isInstanceOfSatisfying(StoreAccessException.class, e -> assertThat(e.status()).isEqualTo(403))
          .hasMessageContaining(dataset(server)).hasMessageContaining("--store-token-file");
      assertThat(served.graphNames()).isEmpty();
    }
  }

  @Test
  void aServerWithoutATokenTakesNoWrites() {
    try (TdbLineageStore served = LineageStore.open(dir.resolve("served"));
        LineageServer server = LineageServer.start(served, "127.0.0.1", 0)) {
      var graph = ProvenanceGraphs.build(Fixtures.greenland(), null);
      assertThatThrownBy(() -> RemoteLineageStore.connect(URI.create(dataset(server)), TOKEN).load("r", graph))
          .isInstanceOf(StoreUnreachableException.class).hasMessageContaining("405");
      assertThat(served.graphNames()).isEmpty();
    }
  }

  @Test
  void aGraphWaitsInTheRunDirectoryWhileTheStoreIsDownAndTheNextOpenLoadsIt() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path run = runDirectory();
    Path spool = dir.resolve("spool");
    StoreTarget target = new StoreTarget("http://127.0.0.1:" + port + LineageServer.DATASET, TOKEN, false);
    PendingGraphs.queue(run, RUN, target, spool);
    RemoteLineageStore down = RemoteLineageStore.connect(URI.create(target.location()), TOKEN);
    PendingGraphs.Flush failed = PendingGraphs.flush(down, spool);
    assertThat(failed.loaded()).isZero();
    assertThat(failed.waiting()).isEqualTo(1);
    assertThat(failed.failure()).isInstanceOf(StoreUnreachableException.class)
        .hasMessageContaining(target.location()).hasMessageContaining("connection refused");
    assertThat(run.resolve(PendingGraphs.MARKER)).exists();
    assertThatThrownBy(down::graphNames).isInstanceOf(StoreUnreachableException.class)
        .hasMessageContaining(target.location()).hasMessageContaining("unreachable");

    try (TdbLineageStore served = LineageStore.open(dir.resolve("served"));
        LineageServer server = LineageServer.start(served, "127.0.0.1", port, TOKEN)) {
      assertThat(PendingGraphs.flush(down, spool).loaded()).isEqualTo(1);
      assertThat(served.graphNames()).containsExactly(RUN);
      assertThat(run.resolve(PendingGraphs.MARKER)).doesNotExist();
      try (var entries = Files.list(spool)) {
        assertThat(entries.filter(p -> p.toString().endsWith(".pending"))).isEmpty();
      }
    }
  }

  @Test
  void aFailedRunsGraphIsDroppedNotLoaded() throws Exception {
    Path run = runDirectory();
    RunRecord r = Fixtures.greenland();
    RunRecords.write(new RunRecord(r.runId(), RunRecord.FAILED, r.recipe(), r.started(), r.ended(), r.software(),
        r.inputs(), r.skipped(), r.steps(), r.outputs(), "boom"), run);
    Path spool = dir.resolve("spool");
    PendingGraphs.queue(run, RUN, StoreTarget.embedded(dir.resolve("local")), spool);
    try (TdbLineageStore local = LineageStore.open(dir.resolve("local"))) {
      assertThat(PendingGraphs.flush(local, spool).loaded()).isZero();
      assertThat(local.graphNames()).isEmpty();
    }
    assertThat(run.resolve(PendingGraphs.MARKER)).doesNotExist();
  }

  private Path runDirectory() throws Exception {
    Path run = Files.createDirectories(dir.resolve("runs/run-greenland-1"));
    RunRecords.write(Fixtures.greenland(), run);
    ProvenanceWriter.write(ProvenanceGraphs.build(Fixtures.greenland(), null), run);
    return run;
  }

  private static String dataset(LineageServer server) {
    return "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
  }

  private static String csv(LineageStore store, NamedQuery q, Map<String, org.apache.jena.graph.Node> bindings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StoreQueries.run(store, q.query(), bindings, StoreQueries.Format.CSV, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
