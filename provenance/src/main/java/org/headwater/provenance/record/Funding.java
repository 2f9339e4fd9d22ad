package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.Objects;

/**
 * An award that funded the work.
 *
 * @param funder funder name, e.g. {@code National Science Foundation}
 * @param award award number, or null
 * @param title award title, or null
 */
public record Funding(String funder, String award, String title) implements Serializable {
  public Funding {
    Objects.requireNonNull(funder, "funder");
  }
}
