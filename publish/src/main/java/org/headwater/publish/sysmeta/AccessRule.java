package org.headwater.publish.sysmeta;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code <allow>} of a DataONE access policy.
 *
 * @param subjects who: {@code public}, an ORCID IRI, a group DN, ...
 * @param permissions {@code read}, {@code write} or {@code changePermission}
 */
public record AccessRule(List<String> subjects, List<String> permissions) {
  private static final Set<String> PERMISSIONS = Set.of("read", "write", "changePermission");

  public AccessRule {
    subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
    permissions = List.copyOf(Objects.requireNonNull(permissions, "permissions"));
    if (subjects.isEmpty() || permissions.isEmpty()) {
      throw new IllegalArgumentException("an access rule needs a subject and a permission");
    }
    for (String p : permissions) {
      if (!PERMISSIONS.contains(p)) {
        throw new IllegalArgumentException(
            "permission must be one of " + PERMISSIONS + ", got '" + p + "'");
      }
    }
  }

  /** Anyone may read: the default policy. */
  public static AccessRule publicRead() {
    return new AccessRule(List.of("public"), List.of("read"));
  }

  /**
   * Parses {@code SUBJECT=PERM[+PERM]}, e.g. {@code public=read} or {@code
   * CN=arctic-data-admins,DC=dataone,DC=org=write+changePermission} (split at the last {@code =}).
   */
  public static AccessRule parse(String text) {
    int eq = text.lastIndexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException(
          "access rule must look like SUBJECT=read[+write][+changePermission], got '" + text + "'");
    }
    return new AccessRule(
        List.of(text.substring(0, eq)), List.of(text.substring(eq + 1).split("\\+")));
  }
}
