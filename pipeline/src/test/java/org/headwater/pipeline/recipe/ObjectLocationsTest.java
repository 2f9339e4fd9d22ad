package org.headwater.pipeline.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** s3:// source URLs and output locations in recipes. */
class ObjectLocationsTest {
  private static Recipe parse(String source, String output) {
    return RecipeParser.create().parse("r.yaml",
        "id: r\nsources:\n  - {name: a, url: \"" + source + "\", file_type: netcdf}\n"
            + "outputs:\n  - {name: o, format: zarr" + output + "}\n");
  }

  @Test
  void acceptsS3SourcesAndOutputLocations() {
    Recipe r = parse("s3://bucket/dir/a.nc", ", location: \"s3://out/derived/\"");
    assertThat(r.sources().get(0).urlTemplate()).isEqualTo("s3://bucket/dir/a.nc");
    assertThat(r.outputs().get(0).location()).isEqualTo("s3://out/derived");
    assertThat(parse("file:/x/a.nc", "").outputs().get(0).location()).isNull();
  }

  @Test
  void rejectsALocationThatIsNotAnObjectStorePrefix() {
    assertThatThrownBy(() -> parse("file:/x/a.nc", ", location: /data/out"))
        .isInstanceOf(RecipeSyntaxException.class)
        .hasMessageContaining("r.yaml:5:")
        .hasMessageContaining("location '/data/out' is not an object-store prefix; write s3://BUCKET/PREFIX");
  }

  @Test
  void rejectsAnS3UrlWithoutABucket() {
    assertThatThrownBy(() -> parse("s3:///a.nc", ""))
        .isInstanceOf(RecipeSyntaxException.class)
        .hasMessageContaining("'s3:///a.nc' is not an http(s):, file: or s3://bucket/key URL");
  }
}
