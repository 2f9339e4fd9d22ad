package ucar.nc2.iosp.hdf5;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.ma2.Section;
import ucar.nc2.Variable;
import ucar.nc2.iosp.IospHelper;

/**
 * Headwater's reader for the commonest NetCDF-4 layout: a chunked variable of a fixed-size number
 * type whose HDF5 filters are only deflate and shuffle (what netCDF's own library and xarray
 * write). It finds the chunks with NetCDF-Java's B-tree code, then decodes them itself: inflate
 * with libdeflate (Debian's {@code libdeflate0}) when installed, else (or with {@value
 * #INFLATE_PROPERTY}{@code =java}) with {@link Inflater}; un-shuffle and byte order in bulk. On
 * the conversion benchmark's files that takes less than half the CPU of {@link Variable#read},
 * whose Java un-shuffle moves one byte at a time (bench/README.md).
 *
 * <p>It lives in NetCDF-Java's package because NetCDF-Java 4.5.5 keeps the chunk index ({@code
 * H5header.Vinfo}, {@code DataBTree}) package-private; it reads those and nothing else, and
 * {@link #of} declines anything it does not handle exactly (other filters, types or layouts),
 * which {@code Variable.read} then reads as before. The values are NetCDF-Java's own: missing
 * chunks take the variable's fill value as {@code H5iosp} gives it, and {@code
 * HdfChunkReaderTest} compares every read with {@code Variable.read}.
 *
 * <p>Chunk bytes are read with positional reads on the caller's channel. The chunk index is read
 * through NetCDF-Java's single {@code RandomAccessFile} for the file, which is not thread-safe, so
 * it is walked holding {@code lock}; code that reads the same file from several threads must hold
 * that lock for its own NetCDF-Java reads too ({@code NetcdfSource} is used by one thread).
 */
public final class HdfChunkReader {
  /** System property: {@code java} inflates with {@link Inflater} even where libdeflate is installed. */
  public static final String INFLATE_PROPERTY = "headwater.hdf5.inflate";

  private static final short DEFLATE = 1;
  private static final short SHUFFLE = 2;
  /** Larger chunks are left to NetCDF-Java (this reader holds three copies of a chunk at once). */
  private static final long MAX_CHUNK_BYTES = 64L << 20;

  private final Variable variable;
  private final H5header.Vinfo info;
  private final Object lock;
  private final int[] chunkShape;
  private final int elementSize;
  private final short[] filters;
  private final ByteOrder order;

  private HdfChunkReader(Variable variable, H5header.Vinfo info, Object lock, short[] filters) {
    this.variable = variable;
    this.info = info;
    this.lock = lock;
    this.chunkShape = Arrays.copyOf(info.storageSize, variable.getRank());
    this.elementSize = info.typeInfo.byteSize;
    this.filters = filters;
    this.order = info.typeInfo.endian == ucar.unidata.io.RandomAccessFile.LITTLE_ENDIAN
        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }

  /**
   * A reader for {@code variable} of an HDF5 file opened by NetCDF-Java, when its layout is one
   * this class decodes; empty otherwise (read it with {@link Variable#read}).
   *
   * @param lock held while the chunk index is read (the {@code NetcdfFile} is a good choice)
   */
  public static Optional<HdfChunkReader> of(Variable variable, Object lock) {
    if (!(variable.getSPobject() instanceof H5header.Vinfo info)
        || !info.isChunked
        || info.btree == null
        || info.isvlen
        || info.typeInfo == null
        || info.typeInfo.isVlen
        || info.typeInfo.isVString
        || variable.getRank() == 0
        || info.storageSize == null
        || info.storageSize.length != variable.getRank() + 1
        || !simpleNumber(variable.getDataType(), info.typeInfo.byteSize)) {
      return Optional.empty();
    }
    long chunkBytes = info.typeInfo.byteSize;
    for (int i = 0; i < variable.getRank(); i++) {
      chunkBytes *= info.storageSize[i];
    }
    if (chunkBytes > MAX_CHUNK_BYTES) {
      return Optional.empty();
    }
    H5header.Filter[] declared = info.mfp == null ? new H5header.Filter[0] : info.mfp.filters;
    short[] filters = new short[declared.length];
    for (int i = 0; i < declared.length; i++) {
      filters[i] = declared[i].id;
      if (filters[i] != DEFLATE && filters[i] != SHUFFLE) {
        return Optional.empty();
      }
    }
    return Optional.of(new HdfChunkReader(variable, info, lock, filters));
  }

  private static boolean simpleNumber(DataType type, int size) {
    return switch (type) {
      case BYTE -> size == 1;
      case SHORT -> size == 2;
      case INT, FLOAT -> size == 4;
      case LONG, DOUBLE -> size == 8;
      default -> false;
    };
  }

  /** Reads the region {@code origin}/{@code shape}, as {@code variable.read(origin, shape)} does. */
  public Array read(FileChannel file, int[] origin, int[] shape) throws IOException, InvalidRangeException {
    Section want = new Section(origin, shape);
    int rank = shape.length;
    int[] varShape = variable.getShape();
    for (int d = 0; d < rank; d++) {
      if (origin[d] < 0 || shape[d] < 0 || origin[d] + shape[d] > varShape[d]) {
        throw new InvalidRangeException("region " + want + " outside shape " + Arrays.toString(varShape));
      }
    }
    // filled as H5iosp fills what no chunk covers
    Object storage = IospHelper.makePrimitiveArray((int) want.computeSize(), variable.getDataType(), info.getFillValue());
    // no chunk ever written: NetCDF-Java's header marks the variable fill-only, with no chunk index
    List<DataBTree.DataChunk> chunks = info.useFillValue ? List.of() : chunks(want);
    for (DataBTree.DataChunk chunk : chunks) {
      int[] start = new int[rank];
      int[] end = new int[rank];
      boolean overlaps = true;
      for (int d = 0; d < rank; d++) {
        start[d] = Math.max(origin[d], chunk.offset[d]);
        end[d] = Math.min(origin[d] + shape[d], chunk.offset[d] + chunkShape[d]);
        overlaps &= start[d] < end[d];
      }
      if (overlaps) {
        copy(decode(file, chunk), chunk.offset, start, end, origin, shape, storage);
      }
    }
    Array out = Array.factory(variable.getDataType(), shape, storage);
    if (variable.isUnsigned()) {
      out.setUnsigned(true);
    }
    return out;
  }

  private List<DataBTree.DataChunk> chunks(Section want) throws IOException {
    List<DataBTree.DataChunk> found = new ArrayList<>();
    synchronized (lock) {
      DataBTree.DataChunkIterator it = info.btree.getDataChunkIteratorFilter(want);
      while (it.hasNext()) {
        found.add(it.next());
      }
    }
    return found;
  }

  /** The chunk's values as stored (its bytes after the filters are undone), in C order. */
  private java.nio.Buffer decode(FileChannel file, DataBTree.DataChunk chunk) throws IOException {
    int bytes = elementSize;
    for (int n : chunkShape) {
      bytes *= n;
    }
    byte[] data = new byte[chunk.size];
    ByteBuffer raw = ByteBuffer.wrap(data);
    while (raw.hasRemaining()) {
      if (file.read(raw, chunk.filePos + raw.position()) < 0) {
        throw new IOException("chunk of '" + variable.getShortName() + "' at byte " + chunk.filePos
            + " runs past the end of the file");
      }
    }
    for (int i = filters.length - 1; i >= 0; i--) {
      if ((chunk.filterMask & (1 << i)) != 0) {
        continue;
      }
      data = filters[i] == DEFLATE ? inflate(data, bytes, chunk) : unshuffle(data);
    }
    if (data.length != bytes) {
      throw new IOException("chunk of '" + variable.getShortName() + "' at byte " + chunk.filePos + " holds "
          + data.length + " bytes, not " + bytes);
    }
    ByteBuffer values = ByteBuffer.wrap(data).order(order);
    return switch (variable.getDataType()) {
      case SHORT -> values.asShortBuffer();
      case INT -> values.asIntBuffer();
      case LONG -> values.asLongBuffer();
      case FLOAT -> values.asFloatBuffer();
      case DOUBLE -> values.asDoubleBuffer();
      default -> values;
    };
  }

  private byte[] inflate(byte[] in, int bytes, DataBTree.DataChunk chunk) throws IOException {
    byte[] out = new byte[bytes];
    if (Libdeflate.ERROR == null && !"java".equals(System.getProperty(INFLATE_PROPERTY))) {
      Pointer d = Libdeflate.libdeflate_alloc_decompressor();
      if (d == null) {
        throw new IOException("libdeflate could not allocate a decompressor (out of native memory)");
      }
      try {
        long[] actual = new long[1];
        int result = Libdeflate.libdeflate_zlib_decompress(d, in, in.length, out, out.length, actual);
        if (result == 0 && actual[0] == bytes) {
          return out;
        }
      } finally {
        Libdeflate.libdeflate_free_decompressor(d);
      }
      throw new IOException("chunk of '" + variable.getShortName() + "' at byte " + chunk.filePos
          + " does not inflate to " + bytes + " bytes");
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(in);
      int n = 0;
      while (n < bytes && !inflater.finished()) {
        int got = inflater.inflate(out, n, bytes - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != bytes) {
        throw new IOException("chunk of '" + variable.getShortName() + "' at byte " + chunk.filePos
            + " inflates to " + n + " bytes, not " + bytes);
      }
      return out;
    } catch (DataFormatException e) {
      throw new IOException("chunk of '" + variable.getShortName() + "' at byte " + chunk.filePos
          + " is not valid deflate data: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** HDF5's shuffle undone: byte j of every element was stored in the j-th block of the chunk. */
  private byte[] unshuffle(byte[] in) {
    int n = in.length / elementSize;
    if (elementSize == 1 || n * elementSize != in.length) {
      return in;
    }
    byte[] out = new byte[in.length];
    for (int j = 0; j < elementSize; j++) {
      int from = j * n;
      for (int i = 0, to = j; i < n; i++, to += elementSize) {
        out[to] = in[from + i];
      }
    }
    return out;
  }

  /** Copies the chunk's part in [start, end) to its place in the region's storage, row by row. */
  private void copy(java.nio.Buffer chunk, int[] chunkOrigin, int[] start, int[] end, int[] origin, int[] shape,
      Object storage) {
    int rank = shape.length;
    int last = rank - 1;
    int run = end[last] - start[last];
    int[] at = start.clone();
    while (true) {
      int src = 0;
      int dst = 0;
      for (int d = 0; d < rank; d++) {
        src = src * chunkShape[d] + (at[d] - chunkOrigin[d]);
        dst = dst * shape[d] + (at[d] - origin[d]);
      }
      row(chunk, src, storage, dst, run);
      int d = last - 1;
      while (d >= 0 && ++at[d] == end[d]) {
        at[d] = start[d];
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }

  private static void row(java.nio.Buffer chunk, int src, Object storage, int dst, int n) {
    if (storage instanceof byte[] b) {
      ((ByteBuffer) chunk).get(src, b, dst, n);
    } else if (storage instanceof short[] s) {
      ((java.nio.ShortBuffer) chunk).get(src, s, dst, n);
    } else if (storage instanceof int[] i) {
      ((java.nio.IntBuffer) chunk).get(src, i, dst, n);
    } else if (storage instanceof long[] l) {
      ((java.nio.LongBuffer) chunk).get(src, l, dst, n);
    } else if (storage instanceof float[] f) {
      ((java.nio.FloatBuffer) chunk).get(src, f, dst, n);
    } else {
      ((java.nio.DoubleBuffer) chunk).get(src, (double[]) storage, dst, n);
    }
  }

  /** libdeflate's zlib decompressor, direct-mapped; {@link #ERROR} says why it is missing. */
  private static final class Libdeflate {
    static final String ERROR = load();

    private static String load() {
      try {
        Native.register(Libdeflate.class, NativeLibrary.getInstance("libdeflate.so.0"));
        return null;
      } catch (LinkageError | RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      }
    }

    static native Pointer libdeflate_alloc_decompressor();

    static native int libdeflate_zlib_decompress(Pointer decompressor, byte[] in, long inBytes, byte[] out,
        long outBytesAvailable, long[] actualOutBytes);

    static native void libdeflate_free_decompressor(Pointer decompressor);
  }
}
