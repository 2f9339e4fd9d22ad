package org.headwater.web.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The pages' queries, shipped as {@code .rq} files under {@code /org/headwater/web/queries/}.
 * Each is parsed once; values are bound as nodes ({@link Rows#select}), never spliced into text.
 */
public enum WebQuery {
  RUNS("runs"),
  PUBLISHED("published"),
  RUN("run"),
  RUN_RECIPE_LOCATION("run-recipe-location"),
  RUN_PEOPLE("run-people"),
  RUN_OUTPUTS("run-outputs"),
  RUN_VARIABLES("run-variables"),
  RUN_STEPS("run-steps"),
  RUN_SKIPPED("run-skipped"),
  RUN_SOURCES("run-sources"),
  SOURCE("source"),
  SOURCE_USERS("source-users"),
  SEARCH("search"),
  SEARCH_EXACT("search-exact"),
  SAME_URL_NEWER("same-url-newer");

  private static final String FOLDER = "/org/headwater/web/queries/";
  private static final Map<WebQuery, Query> PARSED = new EnumMap<>(WebQuery.class);

  private final String resource;

  WebQuery(String baseName) {
    this.resource = FOLDER + baseName + ".rq";
  }

  /** The parsed query, shared: treat it as read-only. */
  public Query query() {
    synchronized (PARSED) {
      return PARSED.computeIfAbsent(this, q -> QueryFactory.create(q.text()));
    }
  }

  private String text() {
    try (InputStream in = WebQuery.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing query resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
