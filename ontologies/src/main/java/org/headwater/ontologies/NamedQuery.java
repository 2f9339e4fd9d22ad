package org.headwater.ontologies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The named lineage queries shipped as {@code .rq} files under {@code
 * /org/headwater/ontologies/queries/}. Each is parsed once, on first use, and shared: callers bind
 * user values with {@code QueryExecution.dataset(ds).query(q.query()).substitution("target",
 * node)}, never by editing the text.
 *
 * <pre>{@code
 * try (QueryExecution qe = QueryExecution.dataset(ds)
 *     .query(NamedQuery.SOURCE_ROOTS.query())
 *     .substitution("target", NodeFactory.createURI(iri))
 *     .build()) {
 *   qe.execSelect().forEachRemaining(row -> ...);
 * }
 * }</pre>
 */
public enum NamedQuery {
  /** Source roots of {@code ?target}: what it ultimately derives from (normally DOIs). */
  SOURCE_ROOTS("source-roots"),
  /** Every derivation edge upstream of {@code ?target}, with its activity. */
  UPSTREAM_PATH("upstream-path"),
  /** Everything derived from {@code ?target}, transitively. */
  DOWNSTREAM_IMPACT("downstream-impact"),
  /** The steps and parameters of the run that generated {@code ?target}. */
  OUTPUT_STEPS("output-steps"),
  /** Outputs of the recipe version {@code ?recipe}. */
  RECIPE_OUTPUTS("recipe-outputs"),
  /** Entities named by a user string bound as {@code ?iri} and {@code ?value}. */
  RESOLVE_TARGET("resolve-target"),
  /** Every recorded source file with its URL, checksum and HTTP validators. */
  RECORDED_SOURCES("recorded-sources");

  /** Classpath folder of the {@code .rq} files. */
  public static final String FOLDER = "/org/headwater/ontologies/queries/";

  private static final Map<NamedQuery, Query> PARSED = new EnumMap<>(NamedQuery.class);

  private final String fileName;

  NamedQuery(String baseName) {
    this.fileName = baseName + ".rq";
  }

  /** The file name, e.g. {@code source-roots.rq}. */
  public String fileName() {
    return fileName;
  }

  /** The query text as shipped. */
  public String text() {
    String resource = FOLDER + fileName;
    try (InputStream in = NamedQuery.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing query resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The parsed query; parsed on first use, then shared (treat it as read-only). */
  public Query query() {
    synchronized (PARSED) {
      return PARSED.computeIfAbsent(this, q -> QueryFactory.create(q.text()));
    }
  }

  /** Finds a named query by its base name or file name, e.g. {@code source-roots}. */
  public static NamedQuery byName(String name) {
    for (NamedQuery q : values()) {
      if (q.fileName.equals(name) || q.fileName.equals(name + ".rq")) {
        return q;
      }
    }
    throw new IllegalArgumentException("no named query '" + name + "'; expected one of " + names());
  }

  private static String names() {
    StringBuilder sb = new StringBuilder();
    for (NamedQuery q : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(q.fileName);
    }
    return sb.toString();
  }
}
