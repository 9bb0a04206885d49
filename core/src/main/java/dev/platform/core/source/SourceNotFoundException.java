package dev.platform.core.source;

import java.io.FileNotFoundException;

/**
 * The source does not exist (HTTP 404 or 410): nothing was published there, so retrying will not
 * help.
 */
public class SourceNotFoundException extends FileNotFoundException {
  public SourceNotFoundException(String message) {
    super(message);
  }
}
