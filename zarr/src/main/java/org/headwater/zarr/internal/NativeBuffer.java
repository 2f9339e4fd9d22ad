package org.headwater.zarr.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A block of native memory for a chunk on its way to a native codec: it costs no heap, and
 * unlike a direct ByteBuffer it is released at {@link #close}, not when the collector gets to it.
 *
 * <p>The memory is an anonymous {@code mmap}, not {@code malloc}: glibc keeps freed
 * multi-megabyte blocks in per-thread arenas, and with Beam's worker threads each holding some, a
 * run's resident size grew by hundreds of megabytes. Closed buffers go back to a small pool
 * ({@link Pool}: a few per processor, none above {@value Pool#LARGEST} bytes) instead of being
 * unmapped, so the next chunk reuses pages that are already mapped in: a fresh mapping costs a
 * page fault for every 4 KiB touched, ~700,000 of them when writing 1.6 GB of chunks.
 */
final class NativeBuffer implements AutoCloseable {
  // Linux's values (x86-64 and arm64 alike)
  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int MAP_PRIVATE = 2;
  private static final int MAP_ANONYMOUS = 0x20;

  private final Mapping mapping;
  private final long address;
  private final long size;
  private boolean closed;

  private NativeBuffer(Mapping mapping, long size) {
    this.mapping = mapping;
    this.address = mapping.address();
    this.size = size;
  }

  /**
   * Allocates {@code size} bytes (uninitialised: a reused buffer holds what it held before).
   *
   * @throws OutOfMemoryError if the mapping fails
   */
  static NativeBuffer allocate(long size) {
    long length = Math.max(1, size);
    Mapping m = Pool.take(length);
    return new NativeBuffer(m != null ? m : Mapping.map(length), length);
  }

  /**
   * Copies the values of a primitive array into a new buffer as bytes of the given order.
   *
   * @param storage a byte[], short[], int[], long[], float[] or double[]
   * @param order the byte order the bytes are stored in
   */
  static NativeBuffer copyOf(Object storage, ByteOrder order) {
    int n = java.lang.reflect.Array.getLength(storage);
    int itemSize = ChunkBytes.itemSize(storage);
    NativeBuffer buffer = allocate((long) n * itemSize);
    try {
      ChunkBytes.put(storage, 0, n, buffer.byteBuffer(buffer.size).order(order));
      return buffer;
    } catch (RuntimeException | Error e) {
      buffer.close();
      throw e;
    }
  }

  Pointer pointer() {
    check();
    return new Pointer(address);
  }

  long size() {
    return size;
  }

  /** A view of the first {@code length} bytes; valid only until {@link #close}. */
  ByteBuffer byteBuffer(long length) {
    check();
    if (length < 0 || length > size || length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("length " + length + " outside a buffer of " + size + " bytes");
    }
    return new Pointer(address).getByteBuffer(0, length);
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("native buffer already freed");
    }
  }

  /** Registers libc's mmap/munmap; throws UnsatisfiedLinkError if it cannot. */
  static void load() {
    Libc.init();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Pool.give(mapping);
    }
  }

  /** An anonymous memory mapping of {@code capacity} bytes. */
  private record Mapping(long address, long capacity) {
    static Mapping map(long capacity) {
      long address = Libc.mmap(null, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (address == -1 || address == 0) {
        throw new OutOfMemoryError("cannot map " + capacity + " bytes of native memory for a Zarr chunk");
      }
      return new Mapping(address, capacity);
    }

    void unmap() {
      if (Libc.munmap(address, capacity) != 0) {
        throw new IllegalStateException("munmap of a " + capacity + "-byte chunk buffer failed");
      }
    }
  }

  /**
   * Mappings kept for reuse: at most {@link #MAX} (two per processor: a chunk and its compressed
   * form for each writing thread), none larger than {@value #LARGEST} bytes. When full, a returned
   * mapping replaces the smallest kept one if it is larger, so the pool converges on the sizes
   * the chunks need; what is not kept is unmapped.
   */
  static final class Pool {
    static final long LARGEST = 64L << 20;
    static final int MAX = 2 * Runtime.getRuntime().availableProcessors();
    private static final List<Mapping> FREE = new ArrayList<>();

    private Pool() {}

    /** The smallest kept mapping of at least {@code size} bytes, or null. */
    static synchronized Mapping take(long size) {
      Mapping best = null;
      for (Mapping m : FREE) {
        if (m.capacity() >= size && (best == null || m.capacity() < best.capacity())) {
          best = m;
        }
      }
      if (best != null) {
        FREE.remove(best);
      }
      return best;
    }

    static void give(Mapping m) {
      Mapping drop = m;
      if (m.capacity() <= LARGEST) {
        synchronized (Pool.class) {
          if (FREE.size() < MAX) {
            FREE.add(m);
            drop = null;
          } else {
            Mapping smallest = Collections.min(FREE, Comparator.comparingLong(Mapping::capacity));
            if (smallest.capacity() < m.capacity()) {
              FREE.remove(smallest);
              FREE.add(m);
              drop = smallest;
            }
          }
        }
      }
      if (drop != null) {
        drop.unmap();
      }
    }

    /** Unmaps every kept mapping (for tests that need a known pool). */
    static void drain() {
      Mapping m;
      while ((m = take(0)) != null) {
        m.unmap();
      }
    }

    /** How many mappings are kept (for tests). */
    static synchronized int kept() {
      return FREE.size();
    }
  }

  private static final class Libc {
    static {
      Native.register(Libc.class, NativeLibrary.getInstance("c"));
    }

    static void init() {}

    static native long mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    static native int munmap(long addr, long length);
  }
}
