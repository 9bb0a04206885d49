package dev.platform.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures of one {@code wrk --latency} run, read from its text output. */
public record WrkResult(
    double requestsPerSecond, long requests, long errors, Map<String, Double> latencyMillis) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

  public static WrkResult parse(String output) {
    Matcher rate = RATE.matcher(output);
    Matcher total = TOTAL.matcher(output);
    if (!rate.find() || !total.find()) {
      throw new IllegalArgumentException("not wrk output:\n" + output);
    }
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(output);
    if (socket.find()) {
      for (int group = 1; group <= 4; group++) {
        errors += Long.parseLong(socket.group(group));
      }
    }
    Map<String, Double> latency = new LinkedHashMap<>();
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      double value = Double.parseDouble(percentile.group(2));
      double millis =
          switch (percentile.group(3)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
          };
      latency.put("p" + percentile.group(1), millis);
    }
    return new WrkResult(
        Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), errors, latency);
  }
}
