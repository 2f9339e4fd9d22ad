package org.headwater.pipeline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.headwater.pipeline.RecipeException;

/**
 * Checks a Flink session cluster's REST endpoint before a job is submitted, so an unreachable
 * cluster, something that is not Flink, a cluster without TaskManagers or with too few task slots
 * gives one line naming the endpoint and the fix instead of a long wait and a stack trace. Uses
 * Flink's REST API {@code GET /overview} ({@code taskmanagers}, {@code slots-total}).
 */
public final class FlinkEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FIX = "start one (scripts/flink-cluster.sh start) or pass its JobManager's REST address"
      + " with --flink-master HOST:PORT";

  private FlinkEndpoint() {}

  /** The cluster's overview: TaskManagers and task slots. */
  public record Overview(int taskManagers, int slotsTotal, int slotsAvailable) {}

  /**
   * Checks that {@code master} (HOST:PORT) is a Flink REST endpoint with TaskManagers and at least
   * {@code parallelism} task slots.
   *
   * @throws RecipeException with a one-line message otherwise
   */
  public static Overview check(String master, int parallelism) {
    Overview o = overview(master);
    if (o.taskManagers() == 0) {
      throw new RecipeException("the Flink cluster at " + url(master) + " has no TaskManager; start one"
          + " (scripts/flink-cluster.sh starts a JobManager and a TaskManager) and run again");
    }
    if (o.slotsTotal() < parallelism) {
      throw new RecipeException("the Flink cluster at " + url(master) + " has " + o.slotsTotal()
          + " task slots, fewer than the run's parallelism " + parallelism + "; pass --parallelism "
          + o.slotsTotal() + " or add TaskManagers");
    }
    return o;
  }

  /** The cluster's {@code /overview}. */
  public static Overview overview(String master) {
    String url = url(master);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(URI.create(url + "/overview")).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RecipeException("cannot reach the Flink cluster at " + url + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); " + FIX, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecipeException("interrupted while contacting the Flink cluster at " + url, e);
    } catch (IllegalArgumentException e) {
      throw new RecipeException("'" + master + "' is not a Flink REST address; " + FIX, e);
    }
    JsonNode body = null;
    try {
      body = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    } catch (IOException notJson) {
      body = null;
    }
    if (body == null || !body.has("taskmanagers") || !body.has("slots-total")) {
      throw new RecipeException(url + " is not a Flink REST endpoint (GET /overview answered HTTP "
          + r.statusCode() + " without a cluster overview); " + FIX);
    }
    return new Overview(body.get("taskmanagers").asInt(), body.get("slots-total").asInt(),
        body.path("slots-available").asInt());
  }

  /** {@code http://HOST:PORT} for a {@code --flink-master} value. */
  public static String url(String master) {
    return master.startsWith("http://") || master.startsWith("https://") ? master : "http://" + master;
  }
}
