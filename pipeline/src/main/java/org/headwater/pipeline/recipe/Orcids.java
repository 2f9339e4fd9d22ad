package org.headwater.pipeline.recipe;

/** ORCID identifiers: accepts the bare form or the IRI and checks the check digit. */
final class Orcids {
  private Orcids() {}

  static String normalize(YamlNode node) {
    String raw = node.string().trim();
    String id = raw.replaceFirst("^https?://orcid\\.org/", "");
    if (!id.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
      throw node.error(
          "'" + raw + "' is not an ORCID; write it as 0000-0002-1825-0097 or its https://orcid.org/ IRI");
    }
    String digits = id.replace("-", "");
    int total = 0;
    for (int i = 0; i < 15; i++) {
      total = (total + (digits.charAt(i) - '0')) * 2;
    }
    int check = (12 - total % 11) % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    if (digits.charAt(15) != expected) {
      throw node.error("ORCID '" + raw + "' has a wrong check digit; copy it from orcid.org");
    }
    return "https://orcid.org/" + id;
  }
}
