package org.headwater.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingTest {
  final List<String> closed = new ArrayList<>();

  Closeable ok(String name) {
    return () -> closed.add(name);
  }

  Closeable failing(String name) {
    return () -> {
      closed.add(name);
      throw new IOException(name + " failed");
    };
  }

  @Test
  void closesEveryResourceInOrderAndThrowsTheFirstFailure() {
    assertThatThrownBy(() -> Closing.all(Arrays.asList(ok("a"), failing("b"), null, failing("c"), ok("d"))))
        .isInstanceOf(IOException.class).hasMessage("b failed")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("c failed"));
    assertThat(closed).containsExactly("a", "b", "c", "d");
  }
}
