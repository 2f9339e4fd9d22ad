package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The recipe that made a run: identity, the SHA-256 of the recipe file, and the descriptive
 * metadata that feeds provenance and the archive's EML.
 *
 * @param id the recipe id, e.g. {@code greenland-speed-ensemble}
 * @param sha256 SHA-256 (hex) of the recipe file's bytes
 * @param file the recipe file's path relative to the run directory (a copy is kept there)
 * @param title human title
 * @param description abstract
 * @param license SPDX id, e.g. {@code CC-BY-4.0} or {@code CC0-1.0}
 * @param creators the people responsible (first is the contact unless one is marked)
 * @param keywords free keywords
 * @param funding awards that funded the work
 */
public record RecipeInfo(
    String id,
    String sha256,
    String file,
    String title,
    String description,
    String license,
    List<Creator> creators,
    List<String> keywords,
    List<Funding> funding)
    implements Serializable {

  public RecipeInfo {
    Objects.requireNonNull(id, "id");
    creators = List.copyOf(creators == null ? List.of() : creators);
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    funding = List.copyOf(funding == null ? List.of() : funding);
  }
}
