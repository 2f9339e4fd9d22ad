package org.headwater.pipeline.recipe;

import org.headwater.pipeline.storage.ObjectUrl;

/** An output's {@code location} must be an object-store prefix: {@code s3://bucket/prefix}. */
final class OutputLocations {
  private OutputLocations() {}

  static String check(YamlNode where) {
    String value = where.string();
    try {
      ObjectUrl.parse(value);
    } catch (IllegalArgumentException e) {
      throw where.error(
          "location '" + value + "' is not an object-store prefix; write s3://BUCKET/PREFIX (the output is"
              + " uploaded to s3://BUCKET/PREFIX/<path> once the run has committed)");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
