package org.headwater.provenance.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.ProvImportException;
import org.headwater.provenance.graph.Checksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code headwater lineage import FILE|URL}: loads provenance published with another dataset so
 * that lineage chains reach sources made elsewhere. Accepts PROV in Turtle, RDF/XML (a DataONE
 * OAI-ORE resource map), JSON-LD or N-Triples; the syntax comes from the file extension or the
 * HTTP Content-Type, else from the first bytes.
 *
 * <p>The graph is stored under {@code https://w3id.org/headwater/id/import/<sha256 of the bytes>}
 * (importing the same bytes again replaces it). PROV sub-properties of {@code prov:wasDerivedFrom}
 * ({@code prov:hadPrimarySource}, {@code prov:wasRevisionOf}, {@code prov:wasQuotedFrom}) are
 * materialised as {@code prov:wasDerivedFrom}, so lineage walks follow them.
 */
public final class ProvImport {
  private static final Logger LOG = LoggerFactory.getLogger(ProvImport.class);
  private static final List<Property> DERIVATIONS =
      List.of(PROV.hadPrimarySource, PROV.wasRevisionOf, PROV.wasQuotedFrom);

  private ProvImport() {}

  /**
   * Reads, normalises and loads provenance from a file or an {@code http(s):} URL.
   *
   * @return the name of the graph it was stored under
   */
  public static String load(LineageStore store, String fileOrUrl, OkHttpClient http) {
    Fetched f = fetch(fileOrUrl, http);
    Model model = parse(fileOrUrl, f.bytes(), f.lang());
    String name = HW.ID + "import/" + Checksums.sha256(f.bytes());
    store.replace(name, model.getGraph());
    LOG.info("imported {} triples from {} as {}", model.size(), fileOrUrl, name);
    return name;
  }

  /** Reads and normalises provenance from a file or URL without storing it. */
  public static Model read(String fileOrUrl, OkHttpClient http) {
    Fetched f = fetch(fileOrUrl, http);
    return parse(fileOrUrl, f.bytes(), f.lang());
  }

  /** Adds {@code prov:wasDerivedFrom} for each of its sub-properties; returns {@code model}. */
  public static Model normalize(Model model) {
    for (Property p : DERIVATIONS) {
      for (Statement s : model.listStatements(null, p, (org.apache.jena.rdf.model.RDFNode) null).toList()) {
        model.add(s.getSubject(), PROV.wasDerivedFrom, s.getObject());
      }
    }
    return model;
  }

  private record Fetched(byte[] bytes, Lang lang) {}

  private static Fetched fetch(String source, OkHttpClient http) {
    if (source.matches("(?i)^https?://.*")) {
      Request request =
          new Request.Builder()
              .url(source)
              .header("Accept", "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, */*;q=0.1")
              .build();
      try (Response r = http.newCall(request).execute()) {
        if (!r.isSuccessful()) {
          throw new ProvImportException(source, r.code(), "HTTP " + r.code() + "; check the URL", null);
        }
        String type = r.header("Content-Type");
        Lang lang = type == null ? null : RDFLanguages.contentTypeToLang(type.replaceFirst(";.*", "").trim());
        return new Fetched(r.body().bytes(), lang == null ? RDFLanguages.filenameToLang(source) : lang);
      } catch (IOException e) {
        throw new ProvImportException(source, 0, e.getMessage(), e);
      }
    }
    Path path = source.startsWith("file:") ? Path.of(java.net.URI.create(source)) : Path.of(source);
    try {
      return new Fetched(Files.readAllBytes(path), RDFLanguages.filenameToLang(path.toString()));
    } catch (IOException e) {
      throw new ProvImportException(source, 0, "cannot read the file (" + e + ")", e);
    }
  }

  private static Model parse(String source, byte[] bytes, Lang lang) {
    Lang syntax = lang != null ? lang : sniff(bytes);
    Model model = ModelFactory.createDefaultModel();
    try {
      RDFParser.source(new ByteArrayInputStream(bytes)).lang(syntax).base(baseIri(source)).parse(model);
    } catch (RiotException e) {
      throw new ProvImportException(source, 0, "not valid " + syntax.getLabel() + ": " + e.getMessage(), e);
    }
    return normalize(model);
  }

  private static String baseIri(String source) {
    return source.matches("(?i)^(https?|file):.*") ? source : Path.of(source).toAbsolutePath().toUri().toString();
  }

  private static Lang sniff(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading();
    if (head.startsWith("<?xml") || head.startsWith("<rdf:RDF")) {
      return Lang.RDFXML;
    } else if (head.startsWith("{") || head.startsWith("[")) {
      return Lang.JSONLD;
    }
    return Lang.TURTLE;
  }
}
