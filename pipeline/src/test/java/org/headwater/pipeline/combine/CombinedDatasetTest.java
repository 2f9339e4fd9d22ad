package org.headwater.pipeline.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedDatasetTest {
  /** Files of 2 steps each along time, every concat key merged from two files (sic and tas). */
  private static List<Part> mergedPairs(int keys, int length) {
    List<Part> parts = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      parts.add(new Part("f" + k + "-sic", "f" + k + "-sic", "netcdf", k * length, length, List.of("sic")));
      parts.add(new Part("f" + k + "-tas", "f" + k + "-tas", "netcdf", k * length, length, List.of("tas")));
    }
    return parts;
  }

  /** The slow, obviously right answer: the first part whose range reaches past {@code from}. */
  private static int linear(List<Part> parts, int from) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).offset() + parts.get(i).length() > from) {
        return i;
      }
    }
    return parts.size();
  }

  @Test
  void firstOverlappingFindsEveryPartThatHoldsTheFirstRow() {
    for (int length : new int[] {1, 2, 3}) {
      List<Part> parts = mergedPairs(9, length);
      for (int from = 0; from < 9 * length + 2; from++) {
        int i = CombinedDataset.firstOverlapping(parts, from);
        assertThat(i).as("length %d, from %d", length, from).isEqualTo(linear(parts, from));
        if (from < 9 * length) {
          assertThat(parts.get(i).variables()).as("both merged files of the key, the first one first").containsExactly("sic");
          assertThat(parts.get(i).offset()).isLessThanOrEqualTo(from);
        }
      }
    }
    assertThat(CombinedDataset.firstOverlapping(List.of(), 0)).isZero();
  }

  @Test
  void firstOverlappingHandlesFilesOfDifferentLengths() {
    List<Part> parts = List.of(
        new Part("a", "a", "netcdf", 0, 5, List.of("v")),
        new Part("b", "b", "netcdf", 5, 1, List.of("v")),
        new Part("c", "c", "netcdf", 6, 4, List.of("v")));
    for (int from = 0; from < 11; from++) {
      assertThat(CombinedDataset.firstOverlapping(parts, from)).as("from %d", from).isEqualTo(linear(parts, from));
    }
  }
}
