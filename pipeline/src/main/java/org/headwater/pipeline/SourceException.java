package org.headwater.pipeline;

/**
 * A source that cannot be used: missing, unreadable, corrupt, or inconsistent with the other
 * sources it is combined with. The message names the URL or file.
 */
public class SourceException extends RecipeException {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
