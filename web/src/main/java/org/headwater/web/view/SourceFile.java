package org.headwater.web.view;

/**
 * A source file a run used.
 *
 * @param sha256 its checksum (its page)
 * @param url where it was fetched
 * @param truth the source-of-truth dataset (a DOI IRI), or null
 * @param key its key in the recipe's pattern, e.g. {@code member=2}, or null
 * @param size bytes, or null
 * @param lastModified what the server (or file system) said, or null
 */
public record SourceFile(String sha256, String url, String truth, String key, Long size, String lastModified) {
  public String sizeText() {
    return Sizes.text(size);
  }
}
