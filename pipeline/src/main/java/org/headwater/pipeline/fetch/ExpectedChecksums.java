package org.headwater.pipeline.fetch;

/** Checks fetched bytes against a recipe's expected SHA-256. */
final class ExpectedChecksums {
  private ExpectedChecksums() {}

  static void verify(String url, String expected, String actual, long size) {
    if (expected != null && !expected.equalsIgnoreCase(actual)) {
      throw new FetchException(
          url,
          "checksum mismatch for " + url + ": the recipe expects SHA-256 " + expected + " but the "
              + size + " bytes fetched have " + actual + "; the source changed or the download is"
              + " corrupt: check the source, then update sha256 in the recipe");
    }
  }
}
