package dev.platform.cli;

import dev.platform.ml.data.DataValidationException;
import dev.platform.warehouse.DataQualityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Prints a one-line reason for expected failures (bad data, missing files, no server) instead of a
 * trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
  static final int FAILED = 1;
  static final int DATA_ERROR = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    if (exception instanceof DataValidationException
        || exception instanceof DataQualityException
        || exception instanceof IOException
        || exception instanceof UncheckedIOException
        || exception instanceof IllegalArgumentException) {
      commandLine.getErr().println("error: " + exception.getMessage());
      return DATA_ERROR;
    }
    // an unreachable Temporal server, a component of the dev stack that would not start
    if (exception instanceof IllegalStateException) {
      commandLine.getErr().println("error: " + exception.getMessage());
      return FAILED;
    }
    LOG.error("command failed", exception);
    return FAILED;
  }
}
