package org.headwater.web.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.page.DatasetPage;
import org.headwater.web.page.RunPage;
import org.headwater.web.page.SearchPage;
import org.headwater.web.page.SourcePage;
import org.headwater.web.page.SparqlPage;
import org.headwater.web.view.Links;

/**
 * The pages, as a plain function from {@link Request} to {@link Response} (the servlet is a thin
 * shell over it). Read-only: anything but GET and HEAD is refused with 405.
 *
 * <ul>
 *   <li>{@code /} the index, {@code /?q=…} search;
 *   <li>{@code /dataset/RUN_ID}, {@code /run/RUN_ID}, {@code /source/SHA256}: pages, or their PROV
 *       for {@code Accept: text/turtle} / {@code application/ld+json} (or {@code ?format=ttl|jsonld});
 *       a failed run made no dataset, so its {@code /dataset/} page is a 303 to its run page;
 *   <li>{@code /query?query=…} the SPARQL page; {@code /static/…} the CSS and the copy script.
 * </ul>
 */
public final class WebApp {
  private final LineageStore store;

  public WebApp(LineageStore store) {
    this.store = store;
  }

  public Response handle(Request r) {
    if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
      Response refused = Response.html(405, Templates.render("notfound.jte", Map.of(
          "what", "pages that can be changed: this server is read-only (" + r.method() + " refused)", "query", "")));
      return new Response(405, refused.contentType(), Map.of("Allow", "GET, HEAD"), refused.body());
    }
    String path = r.path() == null || r.path().isEmpty() ? "/" : r.path();
    String q = r.param("q") == null ? "" : r.param("q");
    if (path.equals("/")) {
      return Response.html(200, Templates.render("index.jte", Map.of(
          "query", q, "hits", SearchPage.search(store, q), "runs", SearchPage.runs(store))));
    } else if (path.equals("/query")) {
      String query = r.param("query");
      Map<String, Object> params = new HashMap<>();
      params.put("query", query == null ? SparqlPage.EXAMPLE : query);
      params.put("result", query == null ? null : SparqlPage.run(store, query));
      return Response.html(200, Templates.render("query.jte", params));
    } else if (path.startsWith("/static/")) {
      return staticFile(path.substring("/static/".length()));
    }
    String[] parts = path.split("/", 3);
    if (parts.length == 3 && !parts[2].isEmpty() && !parts[2].contains("/")) {
      String id = parts[2];
      Optional<ProvDownload.Format> prov = ProvDownload.negotiate(r.param("format"), r.accept());
      switch (parts[1]) {
        case "dataset" -> {
          if (prov.isPresent()) {
            return prov(ProvDownload.run(store, id), prov.get(), "run " + id);
          }
          Optional<String> html = DatasetPage.of(store, id).map(d -> Templates.render("dataset.jte", Map.of("d", d)));
          return html.isEmpty() && RunPage.failed(store, id) ? seeOther(Links.run(id))
              : page(html, () -> "run with the id '" + id + "'", id);
        }
        case "run" -> {
          return prov.isPresent() ? prov(ProvDownload.run(store, id), prov.get(), "run " + id)
              : page(RunPage.of(store, id).map(v -> Templates.render("run.jte", Map.of("r", v))),
                  () -> "run with the id '" + id + "'", id);
        }
        case "source" -> {
          return prov.isPresent() ? prov(ProvDownload.file(store, id), prov.get(), "file " + id)
              : page(SourcePage.of(store, id).map(s -> Templates.render("source.jte", Map.of("s", s))),
                  () -> "source file with the SHA-256 '" + id + "'", id);
        }
        default -> { }
      }
    }
    return notFound("page " + path, "");
  }

  /** A failed run made no dataset: its dataset URL sends the browser to its run page. */
  private static Response seeOther(String location) {
    return new Response(303, "text/plain; charset=utf-8", Map.of("Location", location),
        ("the run made no dataset; see " + location + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Response page(Optional<String> html, Supplier<String> what, String id) {
    return html.map(h -> Response.html(200, h)).orElseGet(() -> notFound(what.get(), id));
  }

  private static Response notFound(String what, String query) {
    return Response.html(404, Templates.render("notfound.jte", Map.of("what", what, "query", query)));
  }

  private static Response prov(Optional<Graph> graph, ProvDownload.Format format, String what) {
    if (graph.isEmpty()) {
      return new Response(404, "text/plain; charset=utf-8", Map.of("Vary", "Accept"),
          ("the lineage store holds no " + what + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ProvDownload.write(graph.get(), format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = format.mediaType() + (format == ProvDownload.Format.TURTLE ? "; charset=utf-8" : "");
    return new Response(200, type, Map.of("Vary", "Accept"), out.toByteArray());
  }

  private static Response staticFile(String name) {
    String type = name.endsWith(".css") ? "text/css; charset=utf-8"
        : name.endsWith(".js") ? "text/javascript; charset=utf-8" : null;
    if (type == null || !name.matches("[a-z0-9-]+\\.(css|js)")) {
      return notFound("file /static/" + name, "");
    }
    try (InputStream in = WebApp.class.getResourceAsStream("/org/headwater/web/static/" + name)) {
      if (in == null) {
        return notFound("file /static/" + name, "");
      }
      return new Response(200, type, Map.of("Cache-Control", "max-age=3600"), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
