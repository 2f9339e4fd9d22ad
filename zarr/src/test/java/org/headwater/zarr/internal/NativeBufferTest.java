package org.headwater.zarr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeBufferTest {
  @BeforeAll
  static void load() {
    NativeBuffer.load();
  }

  @BeforeEach
  void emptyPool() {
    NativeBuffer.Pool.drain();
  }

  @Test
  void aClosedBufferIsReusedForTheNextChunkOfItsSizeOrSmaller() {
    NativeBuffer a = NativeBuffer.allocate(3 << 20);
    long address = com.sun.jna.Pointer.nativeValue(a.pointer());
    a.byteBuffer(a.size()).put(0, (byte) 42);
    a.close();
    NativeBuffer b = NativeBuffer.allocate(2 << 20);
    try {
      assertThat(com.sun.jna.Pointer.nativeValue(b.pointer())).as("same mapping").isEqualTo(address);
      assertThat(b.size()).as("the size asked for, not the mapping's").isEqualTo(2 << 20);
      assertThatThrownBy(() -> b.byteBuffer((2 << 20) + 1)).isInstanceOf(IllegalArgumentException.class);
    } finally {
      b.close();
    }
    assertThatThrownBy(a::pointer).as("the old handle stays closed").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void thePoolStaysSmallAndKeepsTheLargerMappings() {
    List<NativeBuffer> open = new ArrayList<>();
    for (int i = 1; i <= NativeBuffer.Pool.MAX + 3; i++) {
      open.add(NativeBuffer.allocate(i * 4096L));
    }
    NativeBuffer huge = NativeBuffer.allocate(NativeBuffer.Pool.LARGEST + 1);
    long hugeAddress = com.sun.jna.Pointer.nativeValue(huge.pointer());
    open.forEach(NativeBuffer::close);
    huge.close();
    assertThat(NativeBuffer.Pool.kept()).isEqualTo(NativeBuffer.Pool.MAX);
    // the largest kept mapping serves the largest of the small sizes; the huge one was unmapped
    NativeBuffer again = NativeBuffer.allocate((NativeBuffer.Pool.MAX + 3) * 4096L);
    NativeBuffer big = NativeBuffer.allocate(NativeBuffer.Pool.LARGEST);
    try {
      assertThat(com.sun.jna.Pointer.nativeValue(big.pointer())).isNotEqualTo(hugeAddress);
      ByteBuffer bb = again.byteBuffer(again.size());
      bb.put(bb.capacity() - 1, (byte) 7);
      assertThat(bb.get(bb.capacity() - 1)).isEqualTo((byte) 7);
    } finally {
      again.close();
      big.close();
    }
  }
}
