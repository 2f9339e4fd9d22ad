package org.headwater.pipeline.format.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;
import ucar.nc2.iosp.hdf5.HdfChunkReader;

/**
 * Headwater's HDF5 chunk decoding must give exactly what NetCDF-Java's {@code Variable.read}
 * gives, for every layout it takes on: chunk shapes that do not divide the variable, both byte
 * orders, shuffle or not, every fixed-size number type, unsigned types, chunks never written
 * (the fill value), and regions cutting across chunks. Files made by Debian's ncgen.
 */
class HdfChunkReaderTest {
  @TempDir Path tmp;

  /** name -> (type, dims, special attributes); shapes: time 5 (unlimited), y 7, x 5, z 3. */
  private static final Map<String, String[]> VARS = Map.ofEntries(
      Map.entry("s", new String[] {"short", "time, y, x", "_ChunkSizes = 2, 3, 2 ; s:_DeflateLevel = 4 ; s:_Shuffle = \"true\" ; s:_FillValue = -999s"}),
      Map.entry("f", new String[] {"float", "time, y, x", "_ChunkSizes = 1, 7, 5 ; f:_DeflateLevel = 1 ; f:_Endianness = \"big\""}),
      Map.entry("d", new String[] {"double", "y, x", "_ChunkSizes = 4, 4 ; d:_Shuffle = \"true\" ; d:_DeflateLevel = 9 ; d:_Endianness = \"big\""}),
      Map.entry("i", new String[] {"int", "time, z", "_ChunkSizes = 3, 2 ; i:_DeflateLevel = 2 ; i:_Shuffle = \"true\" ; i:_Endianness = \"big\""}),
      Map.entry("b", new String[] {"byte", "y", "_ChunkSizes = 3 ; b:_DeflateLevel = 5 ; b:_Shuffle = \"true\""}),
      Map.entry("l", new String[] {"int64", "time, x", "_ChunkSizes = 2, 2 ; l:_Shuffle = \"true\" ; l:_DeflateLevel = 3"}),
      Map.entry("u", new String[] {"ushort", "y, x", "_ChunkSizes = 2, 5 ; u:_DeflateLevel = 1"}),
      Map.entry("plain", new String[] {"float", "y, x", "_Storage = \"chunked\" ; plain:_ChunkSizes = 7, 2"}),
      Map.entry("never", new String[] {"float", "y, x", "_ChunkSizes = 3, 3 ; never:_DeflateLevel = 1 ; never:_FillValue = -1.5f"}),
      Map.entry("short_records", new String[] {"float", "time, x", "_ChunkSizes = 1, 5 ; short_records:_DeflateLevel = 2"}),
      Map.entry("contiguous", new String[] {"float", "y, x", "_Storage = \"contiguous\""}));

  private static final Map<String, Integer> DIMS = Map.of("time", 5, "y", 7, "x", 5, "z", 3);

  private Path file() throws Exception {
    StringBuilder cdl = new StringBuilder("netcdf t {\ndimensions: time = UNLIMITED ; y = 7 ; x = 5 ; z = 3 ;\nvariables:\n");
    VARS.forEach((name, v) -> cdl.append("  ").append(v[0]).append(' ').append(name).append('(').append(v[1])
        .append(") ; ").append(name).append(':').append(v[2]).append(" ;\n"));
    cdl.append("data:\n");
    Random random = new Random(7);
    VARS.forEach((name, v) -> {
      if (name.equals("never")) {
        return;
      }
      int n = 1;
      for (String dim : v[1].split(", ")) {
        n *= name.equals("short_records") && dim.equals("time") ? 2 : DIMS.get(dim);
      }
      String values = IntStream.range(0, n).mapToObj(k -> value(v[0], random)).collect(Collectors.joining(", "));
      cdl.append("  ").append(name).append(" = ").append(values).append(" ;\n");
    });
    cdl.append("}\n");
    Path src = Files.writeString(tmp.resolve("t.cdl"), cdl);
    return ExternalTools.ncgen(src, "nc4", tmp.resolve("t.nc"));
  }

  private static String value(String type, Random r) {
    return switch (type) {
      case "byte" -> (r.nextInt(256) - 128) + "b";
      case "short" -> (r.nextInt(65536) - 32768) + "s";
      case "ushort" -> r.nextInt(65536) + "us";
      case "int" -> Integer.toString(r.nextInt());
      case "int64" -> r.nextLong() + "ll";
      case "float" -> r.nextInt(10) == 0 ? "NaNf" : r.nextFloat() * 1e6f - 5e5f + "f";
      default -> Double.toString(r.nextGaussian() * 1e100);
    };
  }

  @Test
  void everyRegionOfEveryLayoutReadsAsNetcdfJavaReadsIt() throws Exception {
    Path path = file();
    readsAsNetcdfJava(path);
    System.setProperty(HdfChunkReader.INFLATE_PROPERTY, "java");
    try {
      readsAsNetcdfJava(path);
    } finally {
      System.clearProperty(HdfChunkReader.INFLATE_PROPERTY);
    }
  }

  private void readsAsNetcdfJava(Path path) throws Exception {
    Random random = new Random(11);
    try (NetcdfFile nc = NetcdfFile.open(path.toString()); FileChannel channel = FileChannel.open(path)) {
      List<String> decoded = new ArrayList<>();
      for (Variable v : nc.getVariables()) {
        Optional<HdfChunkReader> reader = HdfChunkReader.of(v, nc);
        if (reader.isEmpty()) {
          continue;
        }
        decoded.add(v.getShortName());
        int[] full = v.getShape();
        for (int round = 0; round < 60; round++) {
          int[] origin = new int[full.length];
          int[] shape = new int[full.length];
          for (int d = 0; d < full.length; d++) {
            origin[d] = round == 0 ? 0 : random.nextInt(full[d]);
            shape[d] = round == 0 ? full[d] : 1 + random.nextInt(full[d] - origin[d]);
          }
          Array expected = v.read(origin, shape);
          Array actual = reader.get().read(channel, origin, shape);
          String where = v.getShortName() + " " + java.util.Arrays.toString(origin) + " " + java.util.Arrays.toString(shape);
          assertThat(actual.getElementType()).as(where).isEqualTo(expected.getElementType());
          assertThat(actual.getShape()).as(where).isEqualTo(expected.getShape());
          assertThat(actual.isUnsigned()).as(where).isEqualTo(expected.isUnsigned());
          assertThat(Objects.deepEquals(actual.copyTo1DJavaArray(), expected.copyTo1DJavaArray()))
              .as(where + ": " + actual + " vs " + expected).isTrue();
        }
      }
      assertThat(decoded).as("every chunked layout, not the contiguous one")
          .containsExactlyInAnyOrder("s", "f", "d", "i", "b", "l", "u", "plain", "never", "short_records");
      assertThat(nc.findVariable("never").read().getFloat(0)).as("chunks never written: the fill value").isEqualTo(-1.5f);
      assertThat(nc.findVariable("short_records").read().getFloat(4 * 5)).as("records never written: the default fill")
          .isEqualTo(9.96921e36f);
    }
  }

  @Test
  void theSourceReadsTheSameWithEitherReaderAndNamesTheFileWhenAChunkIsCorrupt() throws Exception {
    Path path = file();
    Array fast;
    try (NetcdfSource source = NetcdfSource.open(path, "https://example.org/t.nc")) {
      fast = source.read("s", new int[] {1, 2, 1}, new int[] {3, 4, 3});
    }
    System.setProperty(NetcdfSource.READER_PROPERTY, "netcdf-java");
    try (NetcdfSource source = NetcdfSource.open(path, "https://example.org/t.nc")) {
      Array slow = source.read("s", new int[] {1, 2, 1}, new int[] {3, 4, 3});
      assertThat(Objects.deepEquals(fast.copyTo1DJavaArray(), slow.copyTo1DJavaArray())).isTrue();
    } finally {
      System.clearProperty(NetcdfSource.READER_PROPERTY);
    }
    // scramble the first chunk of 'd' (deflated): the read fails, naming the file and what to do
    long chunk;
    try (NetcdfFile nc = NetcdfFile.open(path.toString())) {
      chunk = firstChunkPosition(nc.findVariable("d"));
    }
    try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
      raf.seek(chunk + 2);
      raf.write(new byte[] {(byte) 0xff, 0x13, 0x37, (byte) 0xff, 0x00, 0x42});
    }
    try (NetcdfSource source = NetcdfSource.open(path, "https://example.org/t.nc")) {
      assertThatThrownBy(() -> source.read("d", new int[] {0, 0}, new int[] {7, 5}))
          .isInstanceOf(SourceException.class)
          .hasMessageContaining("https://example.org/t.nc: cannot read variable 'd'")
          .hasMessageContaining("fetch it again");
    }
  }

  private static long firstChunkPosition(Variable v) throws Exception {
    return ucar.nc2.iosp.hdf5.HdfChunkReaderProbe.firstChunk(v);
  }
}
