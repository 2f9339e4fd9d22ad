package org.headwater.provenance.store.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The queries a {@link RemoteLineageStore} sends to its endpoint's SPARQL query service, shipped as
 * {@code .rq} files beside this class. Each is parsed once; values are bound with {@code
 * substitution}, never spliced into the text.
 */
enum EndpointQuery {
  /** ASK: whether {@code ?graph} holds a triple. */
  GRAPH_EXISTS("graph-exists"),
  /** SELECT {@code ?graph}: every named graph. */
  GRAPH_NAMES("graph-names"),
  /** SELECT {@code ?triples}: the size of {@code ?graph}. */
  GRAPH_SIZE("graph-size"),
  /** SELECT {@code ?union ?named}: whether the default graph sees the named graphs. */
  UNION_DEFAULT_GRAPH("union-default-graph"),
  /** ASK: whether the store mentions {@code ?candidate} as {@code Targets} looks for it. */
  TARGET_MENTIONED("target-mentioned"),
  /** CONSTRUCT: what an upstream walk from {@code ?target} reads. */
  LINEAGE_UPSTREAM("lineage-upstream"),
  /** CONSTRUCT: what a downstream walk from {@code ?target} reads. */
  LINEAGE_DOWNSTREAM("lineage-downstream");

  private static final Map<EndpointQuery, Query> PARSED = new EnumMap<>(EndpointQuery.class);

  private final String fileName;

  EndpointQuery(String baseName) {
    this.fileName = baseName + ".rq";
  }

  /** The parsed query; parsed on first use, then shared (treat it as read-only). */
  Query query() {
    synchronized (PARSED) {
      return PARSED.computeIfAbsent(this, q -> QueryFactory.create(q.text()));
    }
  }

  private String text() {
    try (InputStream in = EndpointQuery.class.getResourceAsStream(fileName)) {
      if (in == null) {
        throw new IllegalStateException("missing query resource " + fileName + " beside " + EndpointQuery.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName, e);
    }
  }
}
