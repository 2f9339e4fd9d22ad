package org.headwater.zarr;

/**
 * Unchecked failure while reading or writing a Zarr v2 store.
 *
 * <p>Messages name the store path, the array and, where relevant, the chunk key, and say what the
 * caller can do about the problem, for example
 * {@code unsupported compressor 'lz77' in /x/store/temp/.zarray: use zlib, zstd or blosc}.
 */
public final class ZarrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete, user-facing message.
   *
   * @param message what failed, where (store, array, chunk) and what to do
   */
  public ZarrException(String message) {
    super(message);
  }

  /**
   * Creates an exception wrapping a lower-level cause (I/O, codec).
   *
   * @param message what failed, where (store, array, chunk) and what to do
   * @param cause the underlying exception
   */
  public ZarrException(String message, Throwable cause) {
    super(message, cause);
  }
}
