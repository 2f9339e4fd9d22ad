package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkGridTest {

  @Test
  void unevenLastChunkHasSmallerRegion() {
    ChunkGrid g = new ChunkGrid(new int[] {10, 4}, new int[] {3, 4});
    assertThat(g.counts()).containsExactly(4, 1);
    assertThat(g.size()).isEqualTo(4);
    assertThat(g.origin(new int[] {3, 0})).containsExactly(9, 0);
    assertThat(g.regionShape(new int[] {3, 0})).containsExactly(1, 4);
    assertThat(g.regionShape(new int[] {2, 0})).containsExactly(3, 4);
    assertThat(ChunkGrid.key(new int[] {3, 0})).isEqualTo("3.0");
  }

  @Test
  void indicesAreInCOrderAndIndexMatches() {
    ChunkGrid g = new ChunkGrid(new int[] {5, 4, 3}, new int[] {2, 3, 2});
    List<int[]> all = g.indices();
    assertThat(g.counts()).containsExactly(3, 2, 2);
    assertThat(all).hasSize(12);
    assertThat(all.get(0)).containsExactly(0, 0, 0);
    assertThat(all.get(1)).containsExactly(0, 0, 1);
    assertThat(all.get(2)).containsExactly(0, 1, 0);
    assertThat(all.get(11)).containsExactly(2, 1, 1);
    for (int n = 0; n < all.size(); n++) {
      assertThat(g.index(n)).containsExactly(all.get(n));
    }
    assertThatThrownBy(() -> g.index(12)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void intersectingListsOnlyChunksTouchingTheRegion() {
    ChunkGrid g = new ChunkGrid(new int[] {10, 10}, new int[] {3, 4});
    List<int[]> hit = g.intersecting(new int[] {2, 3}, new int[] {2, 2});
    assertThat(hit).containsExactly(new int[] {0, 0}, new int[] {0, 1}, new int[] {1, 0}, new int[] {1, 1});
    assertThat(g.intersecting(new int[] {9, 8}, new int[] {1, 2})).containsExactly(new int[] {3, 2});
    assertThat(g.intersecting(new int[] {0, 0}, new int[] {0, 5})).isEmpty();
  }

  @Test
  void scalarArrayHasOneChunkWithKeyZero() {
    ChunkGrid g = new ChunkGrid(new int[0], new int[0]);
    assertThat(g.size()).isEqualTo(1);
    assertThat(g.indices()).hasSize(1);
    assertThat(g.indices().get(0)).isEmpty();
    assertThat(ChunkGrid.key(new int[0])).isEqualTo("0");
    assertThat(g.regionShape(new int[0])).isEmpty();
  }

  @Test
  void emptyDimensionHasNoChunksAndBadIndicesFail() {
    assertThat(new ChunkGrid(new int[] {0, 5}, new int[] {2, 2}).size()).isZero();
    ChunkGrid g = new ChunkGrid(new int[] {10}, new int[] {3});
    assertThatThrownBy(() -> g.origin(new int[] {4})).hasMessageContaining("outside grid [4]");
    assertThatThrownBy(() -> g.origin(new int[] {0, 0})).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new ChunkGrid(new int[] {10}, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
  }
}
