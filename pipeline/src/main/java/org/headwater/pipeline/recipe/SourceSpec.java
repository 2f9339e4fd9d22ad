package org.headwater.pipeline.recipe;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A recipe source: a URL template whose dimensions expand into one file per combination of keys.
 *
 * @param name the dataset name steps and outputs refer to
 * @param urlTemplate a URL with {@code {dimension}} or {@code {dimension:03d}} placeholders
 * @param fileType {@code netcdf}, {@code zarr} or {@code csv}
 * @param sourceOfTruth the DOI or landing URL of the archived dataset the files belong to
 * @param dimensions the template's dimensions, at most one of them concat
 * @param sha256 expected SHA-256 by expanded URL (or by file name), possibly empty
 * @param missing what to do when a file does not exist
 * @param authEnv name of an environment variable holding an {@code Authorization} header value,
 *     or null
 * @param options file-type options (e.g. CSV delimiter and column types), JSON-compatible
 */
public record SourceSpec(
    String name,
    String urlTemplate,
    String fileType,
    String sourceOfTruth,
    List<DimensionSpec> dimensions,
    Map<String, String> sha256,
    MissingPolicy missing,
    String authEnv,
    Map<String, Object> options)
    implements Serializable {

  /** What to do with a source file that does not exist. */
  public enum MissingPolicy {
    /** Stop the run, naming the URL. */
    FAIL,
    /** Leave it out and record it in the run manifest. */
    SKIP
  }

  public SourceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    dimensions = List.copyOf(dimensions);
    sha256 = Map.copyOf(sha256);
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  /** The concat dimension, if any. */
  public java.util.Optional<DimensionSpec> concatDimension() {
    return dimensions.stream().filter(d -> d.kind() == DimensionSpec.Kind.CONCAT).findFirst();
  }
}
