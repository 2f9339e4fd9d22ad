package org.headwater.pipeline.dataset;

import java.io.Closeable;
import java.io.IOException;
import ucar.ma2.Array;

/**
 * A lazily read dataset: a schema, and data read region by region.
 *
 * <p>Sources (NetCDF files, Zarr stores, several files combined) and steps (rename, mask, subset,
 * ...) are all datasets; a step wraps the dataset before it. Writers ask for one chunk at a time,
 * so memory stays bounded by the chunk size whatever the dataset's size.
 */
public interface Dataset extends Closeable {

  /** The dataset's structure. */
  DatasetSchema schema();

  /**
   * Reads a region of a variable, decoded.
   *
   * @param variable the variable's name
   * @param origin the first index along each dimension
   * @param shape the number of positions along each dimension
   * @return an array of the variable's {@link DType#dataType()} with exactly {@code shape}
   */
  Array read(String variable, int[] origin, int[] shape) throws IOException;

  /** Reads a whole variable; for small variables (coordinates, scalars) only. */
  default Array readAll(String variable) throws IOException {
    int[] shape = schema().shape(variable);
    return read(variable, new int[shape.length], shape);
  }

  @Override
  default void close() throws IOException {}
}
