package org.headwater.pipeline.format.netcdf;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import ucar.ma2.InvalidRangeException;

/**
 * The one process-wide lock for the netCDF C library.
 *
 * <p>netCDF-C (4.9.0 here) is not thread-safe: its open-file table, its dispatch state and the
 * HDF5 library under it are shared by every caller, with no locking of its own. NetCDF-Java 4.5.5's {@code
 * Nc4Iosp} calls it through a plain JNA interface ({@code Native.loadLibrary}, not {@code
 * Native.synchronizedLibrary}), so Beam worker threads writing two NetCDF-4 outputs at once call
 * {@code nc_def_var}, {@code nc_put_vara} and {@code nc_close} concurrently. Every call that can
 * reach netCDF-C ({@code NetcdfFileWriter.create}, {@code write}, {@code close}, loading the
 * library) goes through {@link #call}, {@link #run} or {@link #write}; reading source data between
 * such calls does not hold it. Without it, two NetCDF-4 outputs created at once crashed the JVM in
 * {@code NC_create} (SIGSEGV at 0x8; bench/stress/README.md).
 */
public final class NetcdfC {
  private static final ReentrantLock LOCK = new ReentrantLock();

  private NetcdfC() {}

  /** Something that may call netCDF-C. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws IOException;
  }

  /** Something that may call netCDF-C and returns nothing. */
  @FunctionalInterface
  public interface Action {
    void run() throws IOException;
  }

  /** A write that may call netCDF-C. */
  @FunctionalInterface
  public interface Write {
    void run() throws IOException, InvalidRangeException;
  }

  /** Runs {@code call} holding the process-wide netCDF-C lock. */
  public static <T> T call(Call<T> call) throws IOException {
    LOCK.lock();
    try {
      return call.run();
    } finally {
      LOCK.unlock();
    }
  }

  /** Runs {@code action} holding the process-wide netCDF-C lock. */
  public static void run(Action action) throws IOException {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** Runs {@code write} holding the process-wide netCDF-C lock. */
  public static void write(Write write) throws IOException, InvalidRangeException {
    LOCK.lock();
    try {
      write.run();
    } finally {
      LOCK.unlock();
    }
  }

  /** Whether the current thread holds the lock (for tests and assertions). */
  public static boolean heldByCurrentThread() {
    return LOCK.isHeldByCurrentThread();
  }
}
