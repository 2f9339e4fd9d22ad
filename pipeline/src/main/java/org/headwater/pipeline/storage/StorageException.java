package org.headwater.pipeline.storage;

import org.headwater.pipeline.RecipeException;

/**
 * An object store that cannot be used: it cannot be reached, the bucket is missing, or the
 * credentials are refused. The message is one line naming the endpoint and bucket and the fix;
 * it never holds a credential.
 */
public class StorageException extends RecipeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
