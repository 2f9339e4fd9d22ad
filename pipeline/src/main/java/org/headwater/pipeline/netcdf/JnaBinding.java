package org.headwater.pipeline.netcdf;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Makes JNA's native dispatcher use its own libffi before libnetcdf brings the system's in.
 *
 * <p>The cause of the run crashes of issue 14: JNA 4.1.0 (the version NetCDF-Java 4.5.5 needs)
 * links a 2013 libffi into {@code libjnidispatch.so} and exports its symbols ({@code ffi_call},
 * {@code ffi_prep_closure_loc}, {@code ffi_closure_alloc}, ...), calling them through the PLT,
 * bound lazily at first call. libnetcdf depends on Debian's {@code libffi.so.8} (libffi 3.4), and
 * JNA opens libraries {@code RTLD_GLOBAL}; from then on any of those functions that the
 * dispatcher calls for the first time binds to libffi 3.4, whose closures and call interfaces
 * are laid out differently. A direct-mapped method (libdeflate in {@code HdfChunkReader} and the
 * Zarr writer, {@code mmap}) first called after that crashed inside JNA's dispatcher
 * ({@code jna*.tmp+0x7604}, SIGSEGV at address 0x93, called from {@code libffi.so.8}) - whenever
 * the NetCDF-4 writer's thread loaded libnetcdf before the other threads' first native call.
 *
 * <p>{@link #bindBeforeLibffi} makes one direct-mapped and one interface-mapped call into libc,
 * so every libffi function those paths use is bound to JNA's own copy before libnetcdf is
 * loaded (a PLT slot, once bound, stays bound). The launcher also sets {@code LD_BIND_NOW=1},
 * which binds all of them when JNA's library is loaded.
 */
final class JnaBinding {
  private static boolean bound;

  private JnaBinding() {}

  /** Binds JNA's libffi calls (once per JVM); call before libnetcdf is loaded. */
  static synchronized void bindBeforeLibffi() {
    if (!bound) {
      Direct.getpid();
      ((Mapped) Native.loadLibrary("c", Mapped.class)).getpid();
      bound = true;
    }
  }

  /** libc's getpid, direct-mapped: binds the closure path (prep_cif, closure_alloc, prep_closure). */
  private static final class Direct {
    static {
      Native.register(Direct.class, NativeLibrary.getInstance("c"));
    }

    static native int getpid();
  }

  /** libc's getpid, interface-mapped: binds the call path (ffi_call). */
  public interface Mapped extends Library {
    int getpid();
  }
}
