package org.headwater.web.page;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.headwater.web.read.Rows;
import org.headwater.web.read.WebQuery;
import org.headwater.web.view.SourceFile;

/**
 * Why a dataset may be stale, found without touching the network (pages must render offline and
 * fast; {@code headwater stale} asks the servers): a later record of the same source URL with
 * other content, or a local source file that is gone or has another size.
 */
final class StaleWarnings {
  private StaleWarnings() {}

  /** Sources the store has seen again with other content (inside a read transaction). */
  static List<String> recorded(Dataset ds, List<SourceFile> sources) {
    List<String> warnings = new ArrayList<>();
    for (SourceFile s : sources) {
      if (s.url() == null || s.sha256() == null) {
        continue;
      }
      for (Rows.Row r : Rows.select(ds, WebQuery.SAME_URL_NEWER, Map.of("url", NodeFactory.createURI(s.url()),
          "sha256", NodeFactory.createLiteralString(s.sha256())))) {
        String seen = r.text("id") == null ? "" : " (seen by run " + r.text("id") + ")";
        warnings.add(s.url() + " has changed since: sha256 " + shortSha(s.sha256()) + " → "
            + shortSha(r.text("otherSha")) + seen);
        break;
      }
    }
    return warnings;
  }

  /** Local ({@code file:}) sources that are gone or changed size. */
  static List<String> files(List<SourceFile> sources) {
    List<String> warnings = new ArrayList<>();
    for (SourceFile s : sources) {
      if (s.url() == null || !s.url().startsWith("file:")) {
        continue;
      }
      try {
        Path p = Path.of(URI.create(s.url()));
        if (!Files.exists(p)) {
          warnings.add(s.url() + " is gone: this dataset cannot be made again from it");
        } else if (s.size() != null && Files.size(p) != s.size()) {
          warnings.add(s.url() + " has changed since: " + s.size() + " bytes then, " + Files.size(p) + " now");
        }
      } catch (IOException | IllegalArgumentException e) {
        warnings.add(s.url() + " cannot be checked: " + e.getMessage());
      }
    }
    return warnings;
  }

  private static String shortSha(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
  }
}
