package org.headwater.zarr.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A block of native memory for a chunk on its way to a native codec: it costs no heap, and
 * unlike a direct ByteBuffer it is released at {@link #close}, not when the collector gets to it.
 *
 * <p>The memory is an anonymous {@code mmap}, unmapped on close, not {@code malloc}: glibc keeps
 * freed multi-megabyte blocks in per-thread arenas, and with Beam's worker threads each holding
 * some, a run's resident size grew by hundreds of megabytes.
 */
final class NativeBuffer implements AutoCloseable {
  // Linux's values (x86-64 and arm64 alike)
  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int MAP_PRIVATE = 2;
  private static final int MAP_ANONYMOUS = 0x20;

  private final long address;
  private final long size;
  private boolean closed;

  private NativeBuffer(long address, long size) {
    this.address = address;
    this.size = size;
  }

  /**
   * Allocates {@code size} bytes (uninitialised).
   *
   * @throws OutOfMemoryError if the mapping fails
   */
  static NativeBuffer allocate(long size) {
    long length = Math.max(1, size);
    long address = Libc.mmap(null, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (address == -1 || address == 0) {
      throw new OutOfMemoryError("cannot map " + size + " bytes of native memory for a Zarr chunk");
    }
    return new NativeBuffer(address, length);
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
      if (Libc.munmap(address, size) != 0) {
        throw new IllegalStateException("munmap of a " + size + "-byte chunk buffer failed");
      }
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
