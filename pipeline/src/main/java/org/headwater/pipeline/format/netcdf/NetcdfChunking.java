package org.headwater.pipeline.format.netcdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.recipe.OutputSpec;
import ucar.nc2.write.Nc4Chunking;

/**
 * The chunk shapes and compression of a NetCDF-4 output, handed to netCDF-C through NetCDF-Java's
 * {@link Nc4Chunking}. An output's {@code chunks} set the chunk length of the dimensions they name;
 * the other dimensions follow the source's chunking where it fits (a source chunk no longer than
 * the dimension), else one chunk spans the dimension. Its {@code compressor} is {@code zlib}
 * (netCDF-C's deflate; {@code level} 1-9, default 4; {@code shuffle}, default true) or {@code
 * none}; NetCDF-4 has no other codec netCDF-C always provides, so {@code zstd} and {@code blosc}
 * are refused when the run is planned.
 */
final class NetcdfChunking implements Nc4Chunking {
  private final Map<String, long[]> chunks = new HashMap<>();
  private final int level;
  private final boolean shuffle;

  private NetcdfChunking(int level, boolean shuffle) {
    this.level = level;
    this.shuffle = shuffle;
  }

  /** The chunking of every variable of {@code schema}, by its name in the file. */
  static NetcdfChunking of(DatasetSchema schema, OutputSpec spec) {
    Map<String, Object> c = spec.compressor();
    String id = id(spec);
    NetcdfChunking out = id.equals("none")
        ? new NetcdfChunking(0, false)
        : new NetcdfChunking(level(spec), !Boolean.FALSE.equals(c.get("shuffle")));
    for (Variable v : schema.variables()) {
      int[] ch = chunks(schema, v, spec);
      long[] l = new long[ch.length];
      for (int i = 0; i < ch.length; i++) {
        l[i] = ch[i];
      }
      out.chunks.put(NetcdfOutput.netcdfName(v.name()), l);
    }
    return out;
  }

  /**
   * Checks the compressor when the output is planned.
   *
   * @throws OutputException naming the output and the codecs it can use
   */
  static void check(OutputSpec spec) {
    String id = id(spec);
    if (!id.equals("zlib") && !id.equals("none")) {
      throw new OutputException(
          "output '" + spec.name() + "': compressor '" + id + "' is not available in NetCDF-4"
              + " outputs (netCDF-C writes deflate only); use compressor: {id: zlib, level: 4,"
              + " shuffle: true} or {id: none}, or write zarr");
    }
    if (id.equals("zlib")) {
      int l = level(spec);
      if (l < 1 || l > 9) {
        throw new OutputException(
            "output '" + spec.name() + "': compressor zlib level " + l + " is outside 1-9; use a"
                + " level from 1 (fast) to 9 (small)");
      }
    }
    Object s = spec.compressor().get("shuffle");
    if (s != null && !(s instanceof Boolean)) {
      throw new OutputException(
          "output '" + spec.name() + "': compressor shuffle is '" + s + "'; use true or false");
    }
  }

  /** The chunk shape of a variable in a NetCDF-4 output. */
  static int[] chunks(DatasetSchema schema, Variable v, OutputSpec spec) {
    int[] shape = schema.shape(v);
    List<Integer> source = v.encoding() == null ? List.of() : v.encoding().chunks();
    int[] out = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      Integer c = spec.chunks().get(v.dims().get(i));
      if (c == null && source.size() == shape.length && source.get(i) <= shape[i]) {
        c = source.get(i);
      }
      out[i] = Math.max(1, c == null ? shape[i] : Math.min(c, Math.max(1, shape[i])));
    }
    return out;
  }

  private static String id(OutputSpec spec) {
    return String.valueOf(spec.compressor().getOrDefault("id", "zlib"));
  }

  private static int level(OutputSpec spec) {
    Object l = spec.compressor().get("level");
    return l instanceof Number n ? n.intValue() : 4;
  }

  @Override
  public boolean isChunked(ucar.nc2.Variable v) {
    return v.getRank() > 0 && chunks.containsKey(v.getShortName());
  }

  @Override
  public long[] computeChunking(ucar.nc2.Variable v) {
    return chunks.get(v.getShortName()).clone();
  }

  @Override
  public int getDeflateLevel(ucar.nc2.Variable v) {
    return level;
  }

  @Override
  public boolean isShuffle(ucar.nc2.Variable v) {
    return shuffle;
  }
}
