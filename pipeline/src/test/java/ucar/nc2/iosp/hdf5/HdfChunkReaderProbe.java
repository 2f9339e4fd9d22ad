package ucar.nc2.iosp.hdf5;

import java.io.IOException;
import ucar.nc2.Variable;

/** For tests: where a chunked HDF5 variable's first chunk starts in its file (NetCDF-Java's index). */
public final class HdfChunkReaderProbe {
  private HdfChunkReaderProbe() {}

  public static long firstChunk(Variable v) throws IOException {
    H5header.Vinfo info = (H5header.Vinfo) v.getSPobject();
    return info.btree.getDataChunkIteratorFilter(null).next().filePos;
  }
}
