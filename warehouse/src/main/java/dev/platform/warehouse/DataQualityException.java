package dev.platform.warehouse;

import java.util.List;
import java.util.stream.Collectors;

/** A data-quality check failed after a load; the message names the check. */
public class DataQualityException extends RuntimeException {
  public DataQualityException(String message) {
    super(message);
  }

  /** Throws when any check failed. */
  public static void requirePassed(List<CheckResult> results) {
    List<CheckResult> failed = results.stream().filter(result -> !result.passed()).toList();
    if (!failed.isEmpty()) {
      throw new DataQualityException(
          "data-quality check failed: "
              + failed.stream()
                  .map(
                      result ->
                          result.name()
                              + " ("
                              + result.failures()
                              + " failures: "
                              + result.detail()
                              + ")")
                  .collect(Collectors.joining("; ")));
    }
  }
}
