package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.Objects;

/**
 * A person credited by a recipe.
 *
 * @param name display name, e.g. {@code Ada Lovelace}
 * @param orcid ORCID as a full IRI ({@code https://orcid.org/0000-0002-1825-0097}), or null
 * @param affiliation institution, or null
 * @param email contact address, or null
 */
public record Creator(String name, String orcid, String affiliation, String email)
    implements Serializable {
  public Creator {
    Objects.requireNonNull(name, "name");
  }
}
