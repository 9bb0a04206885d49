package dev.platform.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WrkResultTest {
  private static final String OUTPUT =
      """
      Running 10s test @ http://127.0.0.1:18000/predict
        2 threads and 64 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   929.23ms  294.73ms   1.18s    82.01%
          Req/Sec    45.48     28.77   181.00     75.00%
        Latency Distribution
           50%  812.00us
           75%    1.10ms
           90%    1.11s
           99%    1.16s
        656 requests in 10.08s, 121.08KB read
        Socket errors: connect 0, read 2, write 0, timeout 3
        Non-2xx or 3xx responses: 4
      Requests/sec:     65.08
      Transfer/sec:     12.01KB
      """;

  @Test
  void readsRateCountsErrorsAndPercentilesInMilliseconds() {
    WrkResult result = WrkResult.parse(OUTPUT);
    assertEquals(65.08, result.requestsPerSecond(), 1e-9);
    assertEquals(656, result.requests());
    assertEquals(9, result.errors());
    assertEquals(0.812, result.latencyMillis().get("p50"), 1e-9);
    assertEquals(1.10, result.latencyMillis().get("p75"), 1e-9);
    assertEquals(1160, result.latencyMillis().get("p99"), 1e-9);
  }

  @Test
  void rejectsSomethingElse() {
    assertThrows(IllegalArgumentException.class, () -> WrkResult.parse("command not found"));
  }
}
