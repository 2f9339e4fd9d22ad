package org.headwater.web;

import java.util.function.Consumer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.web.http.PagesFilter;
import org.headwater.web.http.WebApp;

/**
 * The lineage web pages, added to {@code headwater serve}'s Fuseki server beside its SPARQL
 * endpoint: {@code LineageServer.start(store, bind, port, token, WebPages.over(store))}.
 */
public final class WebPages {
  private WebPages() {}

  /** Adds the pages over {@code store} to a server being built. */
  public static Consumer<FusekiServer.Builder> over(LineageStore store) {
    PagesFilter filter = new PagesFilter(new WebApp(store), LineageServer.DATASET);
    return builder -> builder.addFilter("/*", filter);
  }
}
