package org.headwater.pipeline.format.netcdf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.provenance.record.Secrets;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.NetcdfFile;
import ucar.nc2.iosp.hdf5.HdfChunkReader;

/**
 * A NetCDF-3 or NetCDF-4/HDF5 file read with NetCDF-Java, decoded under the CF conventions (see
 * {@link CfCoding}), each variable carrying its stored form ({@link
 * org.headwater.pipeline.dataset.VariableEncoding}) for outputs to keep. Groups are not read: only
 * the root group's dimensions and variables (a file with groups logs which ones were left out).
 *
 * <p>Chunked NetCDF-4 variables compressed with deflate (and shuffle) have their chunks decoded
 * by {@link HdfChunkReader} (libdeflate, bulk un-shuffle), found through NetCDF-Java's chunk
 * index; everything else, and everything when {@value #READER_PROPERTY}{@code =netcdf-java}, is
 * read by {@code Variable.read}. Both give the same values.
 */
public final class NetcdfSource implements Dataset {
  /** System property: {@code netcdf-java} reads every variable with NetCDF-Java's own reader. */
  public static final String READER_PROPERTY = "headwater.netcdf.reader";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NetcdfSource.class);

  /** Group lists already noted in the log, so that many files with the same groups log once. */
  private static final java.util.Set<List<String>> GROUPS_NOTED = ConcurrentHashMap.newKeySet();

  private final NetcdfFile file;
  private final Path path;
  private final String label;
  private final DatasetSchema schema;
  private final Map<String, CfCoding> codings = new HashMap<>();
  private final Map<String, Optional<HdfChunkReader>> chunkReaders = new ConcurrentHashMap<>();
  private FileChannel channel;

  private NetcdfSource(NetcdfFile file, Path path, String label) {
    this.file = file;
    this.path = path;
    this.label = label;
    List<Dimension> dims = new ArrayList<>();
    ucar.nc2.Group root = file.getRootGroup();
    List<String> groups = root.getGroups().stream().map(ucar.nc2.Group::getShortName).toList();
    if (!groups.isEmpty() && GROUPS_NOTED.add(groups)) {
      LOG.info("{} (and any other file with groups {}): groups are not read, only the root"
          + " group's variables", Secrets.redact(label), groups);
    }
    for (ucar.nc2.Dimension d : root.getDimensions()) {
      dims.add(new Dimension(d.getShortName(), d.getLength()));
    }
    List<Variable> vars = new ArrayList<>();
    for (ucar.nc2.Variable v : root.getVariables()) {
      if (v.getDataType() == ucar.ma2.DataType.STRUCTURE
          || v.getDataType() == ucar.ma2.DataType.SEQUENCE) {
        continue;
      }
      List<Attribute> attrs = NetcdfAttributes.from(v.getAttributes());
      DType stored;
      try {
        stored = DType.of(v.getDataType(), v.isUnsigned());
      } catch (IllegalArgumentException e) {
        throw new SourceException(label + ": variable '" + v.getShortName() + "': " + e.getMessage());
      }
      CfCoding coding = CfCoding.of(stored, attrs);
      codings.put(v.getShortName(), coding);
      List<String> vdims = new ArrayList<>();
      for (ucar.nc2.Dimension d : v.getDimensions()) {
        vdims.add(d.getShortName());
      }
      vars.add(
          new Variable(
              v.getShortName(),
              coding.decoded(),
              vdims,
              coding.outputAttributes(attrs),
              coding.fillValue(),
              List.of(v.getShortName()),
              List.of(),
              coding.encoding(attrs).withChunks(chunkSizes(v))));
    }
    this.schema =
        new DatasetSchema(dims, vars, NetcdfAttributes.from(root.getAttributes()));
  }

  /** The chunk shape netCDF-C stored the variable with (NetCDF-Java's {@code _ChunkSizes}). */
  private static List<Integer> chunkSizes(ucar.nc2.Variable v) {
    ucar.nc2.Attribute a = v.findAttribute("_ChunkSizes");
    if (a == null || a.isString() || a.getLength() != v.getRank()) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < a.getLength(); i++) {
      out.add(a.getNumericValue(i).intValue());
    }
    return out;
  }

  /**
   * Opens a NetCDF file.
   *
   * @param path the local file
   * @param label how to name the file in messages (its URL)
   * @throws SourceException when the file is not NetCDF, is truncated or corrupt
   */
  public static NetcdfSource open(Path path, String label) {
    Truncation.enable();
    NetcdfFile f;
    try {
      f = NetcdfFile.open(path.toString());
    } catch (IOException | RuntimeException e) {
      throw new SourceException(
          label + " is not a readable NetCDF file (" + firstLine(e)
              + "); check that the source is NetCDF-3/4 and complete, or set file_type");
    }
    try {
      return new NetcdfSource(f, path, label);
    } catch (RuntimeException e) {
      closeQuietlyAfterFailure(f, e);
      throw e;
    }
  }

  @Override
  public DatasetSchema schema() {
    return schema;
  }

  /** The CF coding of a variable as stored. */
  public CfCoding coding(String variable) {
    schema.variable(variable);
    return codings.get(variable);
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    ucar.nc2.Variable v = file.findVariable(variable);
    if (v == null) {
      throw new SourceException(label + ": no variable '" + variable + "'");
    }
    Array raw;
    try {
      Optional<HdfChunkReader> chunks = chunkReader(v);
      if (chunks.isPresent()) {
        raw = chunks.get().read(channel(), origin, shape);
      } else {
        raw = v.getRank() == 0 ? v.read() : v.read(origin, shape);
      }
    } catch (InvalidRangeException e) {
      throw new IllegalArgumentException(
          label + ": region outside variable '" + variable + "': " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new SourceException(
          label + ": cannot read variable '" + variable + "' (" + firstLine(e)
              + "); the file may be truncated or corrupt: fetch it again",
          e);
    }
    return codings.get(variable).decode(raw);
  }

  private Optional<HdfChunkReader> chunkReader(ucar.nc2.Variable v) {
    if ("netcdf-java".equals(System.getProperty(READER_PROPERTY))) {
      return Optional.empty();
    }
    return chunkReaders.computeIfAbsent(v.getShortName(), name -> HdfChunkReader.of(v, file));
  }

  private synchronized FileChannel channel() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path);
    }
    return channel;
  }

  @Override
  public void close() throws IOException {
    try (NetcdfFile closing = file) {
      synchronized (this) {
        if (channel != null) {
          channel.close();
        }
      }
    }
  }

  private static void closeQuietlyAfterFailure(NetcdfFile f, RuntimeException primary) {
    try {
      f.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
