package org.headwater.provenance.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.lineage.StaleSource.Status;
import org.headwater.provenance.record.Secrets;
import org.headwater.provenance.store.LineageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code headwater stale}: re-checks every source recorded in the store and lists the outputs
 * derived from sources that changed. {@code http(s):} sources are checked with a HEAD request
 * (ETag, else Last-Modified, else Content-Length; a GET and re-hash when the server gives none of
 * them); {@code file:} sources are re-hashed.
 */
public final class StaleCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StaleCheck.class);

  private final OkHttpClient http;

  /** @param http the client for HEAD/GET requests (timeouts and auth configured by the caller) */
  public StaleCheck(OkHttpClient http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  private record Recorded(String source, String url, String sha256, Long size, String etag, String lastModified) {}

  /** Checks every recorded source; one result per (source, URL), stale ones with their outputs. */
  public List<StaleSource> run(LineageStore store) {
    List<Recorded> recorded = store.query(NamedQuery.RECORDED_SOURCES.query(), Map.of(), qe -> {
      Map<String, Recorded> byKey = new LinkedHashMap<>();
      qe.execSelect().forEachRemaining(row -> {
        Recorded r = new Recorded(iri(row, "source"), iri(row, "url"), text(row, "sha256"),
            row.contains("size") ? row.getLiteral("size").getLong() : null, text(row, "etag"), text(row, "lastModified"));
        byKey.putIfAbsent(r.source() + " " + r.url(), r);
      });
      return new ArrayList<>(byKey.values());
    });
    LOG.info("re-checking {} recorded sources", recorded.size());
    List<StaleSource> results = new ArrayList<>();
    for (Recorded r : recorded) {
      String[] outcome = check(r);
      Status status = Status.valueOf(outcome[0]);
      List<String> outputs = List.of();
      if (status == Status.CHANGED || status == Status.MISSING) {
        outputs = affectedOutputs(store, r.source());
      }
      results.add(new StaleSource(r.source(), r.url(), status, outcome[1], outputs));
    }
    return results;
  }

  private List<String> affectedOutputs(LineageStore store, String source) {
    List<Node> from = List.of(NodeFactory.createURI(source));
    return store.readLineage(from, Lineage.Direction.DOWNSTREAM, ds -> {
      var g = LineageStore.unionGraph(ds);
      LineageGraph down = Lineage.walk(g, from, Lineage.Direction.DOWNSTREAM, Lineage.UNLIMITED);
      List<String> outputs = new ArrayList<>();
      for (Node n : down.nodes()) {
        if (n.isURI() && g.contains(n, org.apache.jena.vocabulary.RDF.type.asNode(), HW.Output.asNode())) {
          outputs.add(n.getURI());
        }
      }
      return outputs;
    });
  }

  private String[] check(Recorded r) {
    try {
      if (r.url().startsWith("file:")) {
        Path p = Path.of(URI.create(r.url()));
        if (!Files.exists(p)) {
          return new String[] {"MISSING", "file not found"};
        }
        String now = Checksums.sha256(p);
        return now.equals(r.sha256())
            ? new String[] {"UNCHANGED", "re-hashed"}
            : new String[] {"CHANGED", "re-hashed: sha256 " + shortSha(r.sha256()) + " -> " + shortSha(now)};
      } else if (Secrets.redacted(r.url())) {
        return new String[] {"UNKNOWN", "its URL's credentials were not recorded (" + Secrets.REDACTED
            + "); run the recipe again to check it"};
      } else if (r.url().matches("(?i)^https?:.*")) {
        return checkHttp(r);
      }
      return new String[] {"UNKNOWN", "cannot check a " + r.url().replaceFirst(":.*", ":") + " URL"};
    } catch (IOException | RuntimeException e) {
      return new String[] {"UNKNOWN", e.getClass().getSimpleName() + ": " + e.getMessage()};
    }
  }

  private String[] checkHttp(Recorded r) throws IOException {
    try (Response head = http.newCall(new Request.Builder().url(r.url()).head().build()).execute()) {
      if (head.code() == 404 || head.code() == 410) {
        return new String[] {"MISSING", "HTTP " + head.code()};
      }
      if (head.isSuccessful()) {
        String etag = head.header("ETag");
        if (r.etag() != null && etag != null) {
          return compare(r.etag(), etag, "ETag");
        }
        String lastModified = head.header("Last-Modified");
        if (r.lastModified() != null && lastModified != null) {
          return compare(r.lastModified(), lastModified, "Last-Modified");
        }
        String length = head.header("Content-Length");
        if (r.size() != null && length != null && Long.parseLong(length) != r.size()) {
          return new String[] {"CHANGED", "Content-Length " + r.size() + " -> " + length};
        }
      }
    }
    try (Response get = http.newCall(new Request.Builder().url(r.url()).build()).execute()) {
      if (get.code() == 404 || get.code() == 410) {
        return new String[] {"MISSING", "HTTP " + get.code()};
      } else if (!get.isSuccessful()) {
        return new String[] {"UNKNOWN", "HTTP " + get.code()};
      }
      try (InputStream in = get.body().byteStream()) {
        String now = Checksums.sha256(in);
        return now.equals(r.sha256())
            ? new String[] {"UNCHANGED", "re-hashed"}
            : new String[] {"CHANGED", "re-hashed: sha256 " + shortSha(r.sha256()) + " -> " + shortSha(now)};
      }
    }
  }

  private static String[] compare(String recorded, String now, String header) {
    return recorded.equals(now)
        ? new String[] {"UNCHANGED", header + " " + now}
        : new String[] {"CHANGED", header + " " + recorded + " -> " + now};
  }

  private static String shortSha(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
  }

  private static String iri(QuerySolution row, String var) {
    return row.getResource(var).getURI();
  }

  private static String text(QuerySolution row, String var) {
    return row.contains(var) ? row.getLiteral(var).getLexicalForm() : null;
  }
}
