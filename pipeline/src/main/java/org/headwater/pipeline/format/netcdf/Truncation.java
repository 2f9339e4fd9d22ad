package org.headwater.pipeline.format.netcdf;

/**
 * Makes NetCDF-Java refuse NetCDF-3 files that are shorter than their header says (an interrupted
 * download). By default NetCDF-Java 4.5.5 only logs this and then reads missing bytes as fill
 * values, which would silently corrupt an output. NetCDF-4/HDF5 files fail on their own.
 *
 * <p>This sets a library-wide switch once; it holds no pipeline state.
 */
final class Truncation {
  static {
    ucar.nc2.iosp.netcdf3.N3header.disallowFileTruncation = true;
  }

  private Truncation() {}

  /** Ensures the switch is set before a file is opened. */
  static void enable() {
    // the static initializer did the work
  }
}
