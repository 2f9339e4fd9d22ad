package org.headwater.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
  @Test
  void oneIsSingularEverythingElsePlural() {
    assertThat(Plural.count(1, "file")).isEqualTo("1 file");
    assertThat(Plural.count(0, "file")).isEqualTo("0 files");
    assertThat(Plural.count(2, "file")).isEqualTo("2 files");
    assertThat(Plural.count(1, "entity", "entities")).isEqualTo("1 entity");
    assertThat(Plural.count(3, "entity", "entities")).isEqualTo("3 entities");
  }
}
