package org.headwater.pipeline.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.headwater.pipeline.RecipeException;
import org.junit.jupiter.api.Test;

/** One-line errors for a Flink endpoint that cannot take the job, before anything is submitted. */
class FlinkEndpointTest {

  @Test
  void anUnreachableClusterNamesTheEndpointAndTheFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    assertThatThrownBy(() -> FlinkEndpoint.check("127.0.0.1:" + port, 2))
        .isInstanceOf(RecipeException.class)
        .hasMessageStartingWith("cannot reach the Flink cluster at http://127.0.0.1:" + port + " (ConnectException")
        .hasMessageEndingWith("start one (scripts/flink-cluster.sh start) or pass its JobManager's REST address"
            + " with --flink-master HOST:PORT")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void somethingThatIsNotFlinkIsNamed() throws Exception {
    HttpServer server = serve(404, "<html>not here</html>");
    try {
      String master = "127.0.0.1:" + server.getAddress().getPort();
      assertThatThrownBy(() -> FlinkEndpoint.check(master, 2))
          .isInstanceOf(RecipeException.class)
          .hasMessageStartingWith("http://" + master + " is not a Flink REST endpoint (GET /overview answered HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aClusterWithoutTaskManagersOrWithTooFewSlotsRefusesTheJob() throws Exception {
    // Flink's REST API: GET /overview answers {"taskmanagers":N,"slots-total":S,"slots-available":A,...}
    HttpServer none = serve(200, "{\"taskmanagers\":0,\"slots-total\":0,\"slots-available\":0,\"flink-version\":\"1.19.0\"}");
    HttpServer small = serve(200, "{\"taskmanagers\":1,\"slots-total\":2,\"slots-available\":2,\"flink-version\":\"1.19.0\"}");
    try {
      String a = "127.0.0.1:" + none.getAddress().getPort();
      String b = "127.0.0.1:" + small.getAddress().getPort();
      assertThatThrownBy(() -> FlinkEndpoint.check(a, 1))
          .hasMessageStartingWith("the Flink cluster at http://" + a + " has no TaskManager");
      assertThatThrownBy(() -> FlinkEndpoint.check(b, 4))
          .hasMessage("the Flink cluster at http://" + b + " has 2 task slots, fewer than the run's parallelism 4;"
              + " pass --parallelism 2 or add TaskManagers");
      assertThat(FlinkEndpoint.check(b, 2).taskManagers()).isEqualTo(1);
    } finally {
      none.stop(0);
      small.stop(0);
    }
  }

  private static HttpServer serve(int status, String body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server;
  }
}
