package org.headwater.provenance.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headwater.ontologies.HW;

/**
 * Deterministic IRIs for everything in a provenance graph. Identity is by content: a file (source,
 * output or recipe) is {@code https://w3id.org/headwater/id/sha256/<hex>} whatever its name or
 * location, so a run whose input has the same SHA-256 as an earlier run's output continues that
 * output's lineage with no user action. Source-of-truth datasets are their DOI IRI ({@code
 * https://doi.org/10.…}); runs are {@code https://w3id.org/headwater/id/run/<runId>}.
 */
public final class ProvIris {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern DOI =
      Pattern.compile(
          "^(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)$", Pattern.CASE_INSENSITIVE);

  private ProvIris() {}

  /** True when {@code s} is 64 hex digits. */
  public static boolean isSha256(String s) {
    return s != null && SHA256.matcher(s).matches();
  }

  /** The IRI of the file (or Zarr store, or recipe) whose SHA-256 is {@code sha256}. */
  public static String file(String sha256) {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits: " + sha256);
    }
    return HW.ID + "sha256/" + sha256.toLowerCase(Locale.ROOT);
  }

  /** The IRI of variable {@code name} in the file whose SHA-256 is {@code fileSha256}. */
  public static String variable(String fileSha256, String name) {
    return file(fileSha256) + "/variable/" + encode(name);
  }

  /** The IRI of a run, which is also the name of its graph in the lineage store. */
  public static String run(String runId) {
    return HW.ID + "run/" + encode(runId);
  }

  /** The IRI of step {@code index} of a run. */
  public static String step(String runId, int index) {
    return run(runId) + "/step/" + index;
  }

  /** A node that belongs to a run, e.g. {@code usage/0}: qualified usages, generations, .... */
  public static String runPart(String runId, String part) {
    return run(runId) + "/" + part;
  }

  /** The DOI IRI ({@code https://doi.org/10.…}) when {@code s} is a DOI in any common form. */
  public static Optional<String> doi(String s) {
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = DOI.matcher(s.trim());
    return m.matches() ? Optional.of("https://doi.org/" + m.group(1)) : Optional.empty();
  }

  /**
   * The IRI of a source-of-truth dataset: its DOI IRI, else the landing URL itself, else a
   * Headwater IRI made from the identifier text.
   */
  public static String dataset(String sourceOfTruth) {
    Optional<String> doi = doi(sourceOfTruth);
    if (doi.isPresent()) {
      return doi.get();
    }
    String s = sourceOfTruth.trim();
    if (s.matches("(?i)^(https?|urn|file):\\S+$")) {
      return s;
    }
    return HW.ID + "dataset/" + encode(s);
  }

  /** An ORCID as a full IRI ({@code https://orcid.org/0000-…}); null stays null. */
  public static String orcid(String orcid) {
    if (orcid == null || orcid.isBlank()) {
      return null;
    }
    String s = orcid.trim();
    return s.startsWith("http") ? s.replaceFirst("^http:", "https:") : "https://orcid.org/" + s;
  }

  /** A stable IRI for a person known only by name. */
  public static String person(String name) {
    return HW.ID + "person/" + encode(name.trim());
  }

  /** Percent-encodes one path segment. */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
