package dev.platform.core.ingest;

import static dev.platform.core.ingest.TurnstileFiles.PUBLIC_HEADER;
import static dev.platform.core.ingest.TurnstileFiles.SHARED_HEADER;
import static dev.platform.core.ingest.TurnstileFiles.gunzipLines;
import static dev.platform.core.ingest.TurnstileFiles.gzip;
import static dev.platform.core.ingest.TurnstileFiles.plain;
import static dev.platform.core.ingest.TurnstileFiles.readings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.lake.LocalLake;
import dev.platform.core.turnstile.TurnstileCsv;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weekly files of every form into a temporary lake. */
class TurnstileWeekIngestionTest {
  static final LocalDate JAN_6 = LocalDate.of(2024, 1, 6);
  static final LocalDate JAN_13 = LocalDate.of(2024, 1, 13);

  @TempDir Path lakeFolder;
  @TempDir Path mirror;
  @TempDir Path work;
  Lake lake;

  @BeforeEach
  void lake() {
    lake = new LocalLake(lakeFolder);
  }

  TurnstileWeekIngestion fromMirror() {
    return new TurnstileWeekIngestion(lake, TurnstileWeekSource.mirror(mirror), work);
  }

  @Test
  void theSharedFormWithRowNumbersIsStoredCanonically() throws Exception {
    gzip(mirror.resolve("240106.csv.gz"), SHARED_HEADER, readings(30, true, false));

    IngestionResult result = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.STORED, result.status(), result.summary());
    assertEquals(30, result.goodRows());
    assertEquals(0, result.badLineCount());
    assertEquals("turnstile/batch/2024/turnstile_240106.csv.gz", result.lakeKey());
    assertEquals(lake.stat(result.lakeKey()).orElseThrow().sha256(), result.sha256());
    List<String> stored = gunzipLines(lake.open(result.lakeKey()));
    assertEquals(TurnstileCsv.HEADER, stored.get(0));
    assertEquals(31, stored.size());
    assertEquals(
        "A002,R051,02-00-00,59 ST,NQR456W,BMT,2023-12-24,00:00:00,REGULAR,1000,500", stored.get(1));
    assertTrue(result.summary().startsWith("2024-01-06 stored: 30 readings"), result.summary());
    try (var files = Files.list(work)) {
      assertEquals(0, files.count(), "temporary files are removed");
    }
  }

  @Test
  void thePublicFormWithCSlashAAndPaddingFromAUrlTemplateGivesTheSameFile() throws Exception {
    Path publicFile =
        plain(mirror.resolve("turnstile_240106.txt"), PUBLIC_HEADER, readings(30, false, true));
    String template = mirror.toUri() + "turnstile_{yyMMdd}.txt";
    Lake other = new LocalLake(work.resolve("other-lake"));
    Path sharedForm = work.resolve("shared-form");
    Files.createDirectories(sharedForm);
    gzip(sharedForm.resolve("sf_240106.csv.gz"), SHARED_HEADER, readings(30, true, false));

    IngestionResult fromPublic =
        new TurnstileWeekIngestion(lake, TurnstileWeekSource.template(template), work)
            .ingest(JAN_6);
    IngestionResult fromShared =
        new TurnstileWeekIngestion(
                other,
                TurnstileWeekSource.template(sharedForm.resolve("sf_{yyMMdd}.csv.gz").toString()),
                work)
            .ingest(JAN_6);

    assertEquals(IngestionStatus.STORED, fromPublic.status(), fromPublic.summary());
    assertEquals(publicFile.toUri().toString(), fromPublic.source());
    assertEquals(30, fromPublic.goodRows());
    assertEquals(fromShared.sha256(), fromPublic.sha256(), "one canonical form for both variants");
  }

  @Test
  void ingestingTheSameSourceAgainChangesNothing() throws Exception {
    gzip(mirror.resolve("turnstile_240106.csv.gz"), SHARED_HEADER, readings(30, true, false));
    IngestionResult first = fromMirror().ingest(JAN_6);
    LakeObject stored = lake.stat(first.lakeKey()).orElseThrow();
    Thread.sleep(20);

    IngestionResult second = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.UNCHANGED, second.status(), second.summary());
    assertEquals(first.sha256(), second.sha256());
    assertEquals(30, second.goodRows());
    assertEquals(stored, lake.stat(first.lakeKey()).orElseThrow(), "the object was not rewritten");
    assertTrue(second.summary().startsWith("2024-01-06 unchanged"), second.summary());
  }

  @Test
  void aChangedSourceReplacesTheWeek() throws Exception {
    gzip(mirror.resolve("240106.csv.gz"), SHARED_HEADER, readings(30, true, false));
    IngestionResult first = fromMirror().ingest(JAN_6);
    gzip(mirror.resolve("240106.csv.gz"), SHARED_HEADER, readings(36, true, false));

    IngestionResult second = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.STORED, second.status());
    assertFalse(first.sha256().equals(second.sha256()));
    assertEquals(37, gunzipLines(lake.open(second.lakeKey())).size());
  }

  @Test
  void aFewGarbageLinesAreReportedAndTheGoodOnesKept() throws Exception {
    List<String> lines = new ArrayList<>(readings(60, true, false));
    lines.set(9, "9,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/25/2023,12:00:00,REGULAR,12x4,500");
    lines.add(20, "<html>oops</html>");
    lines.add(41, "41,A002,R051,02-00-00,59 ST,NQR456W,BMT,2023/99/01,04:00:00,REGULAR,1,2");
    lines.add(45, "");
    gzip(mirror.resolve("240106.csv.gz"), SHARED_HEADER, lines);

    IngestionResult result = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.STORED, result.status(), result.summary());
    assertEquals(59, result.goodRows(), "60 readings, one of them broken");
    assertEquals(3, result.badLineCount());
    assertEquals(
        List.of(
            new BadLine(11, "ENTRIES: not a whole number: '12x4'"),
            new BadLine(22, "expected 12 fields, found 1"),
            new BadLine(43, "DATE: not MM/dd/yyyy: '2023/99/01'")),
        result.badLines());
    assertEquals(60, gunzipLines(lake.open(result.lakeKey())).size());
    assertTrue(
        result.summary().contains("3 bad lines skipped (first: line 11: ENTRIES"),
        result.summary());
  }

  @Test
  void aTruncatedGzipIsQuarantinedWithItsReason() throws Exception {
    byte[] whole = Files.readAllBytes(TurnstileFiles.sharedData().resolve("mta/240106.csv.gz"));
    byte[] half = java.util.Arrays.copyOf(whole, 200_000);
    Files.write(mirror.resolve("240106.csv.gz"), half);

    IngestionResult result = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.QUARANTINED, result.status());
    assertEquals(LakeLayout.turnstileBatchQuarantine(JAN_6), result.lakeKey());
    assertFalse(lake.exists(LakeLayout.turnstileBatch(JAN_6)), "nothing half-read is stored");
    try (InputStream in = lake.open(result.lakeKey())) {
      assertTrue(java.util.Arrays.equals(half, in.readAllBytes()), "the file is kept as it came");
    }
    String reason = read(LakeLayout.reasonOf(result.lakeKey()));
    assertTrue(reason.contains("reason: truncated or corrupt gzip"), reason);
    assertTrue(reason.contains("240106.csv.gz"), reason);
    assertTrue(
        result.summary().contains("quarantined: truncated or corrupt gzip"), result.summary());
  }

  @Test
  void aMostlyGarbageFileIsQuarantinedAndAGoodOneLaterClearsIt() throws Exception {
    List<String> lines = new ArrayList<>(readings(20, false, false));
    for (int i = 0; i < 5; i++) {
      lines.add("garbage " + i);
    }
    plain(mirror.resolve("turnstile_240106.txt"), PUBLIC_HEADER, lines);

    IngestionResult garbage = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.QUARANTINED, garbage.status(), garbage.summary());
    assertEquals(5, garbage.badLineCount());
    String reason = read(LakeLayout.reasonOf(garbage.lakeKey()));
    assertTrue(reason.contains("5 of 25 lines are not readings (more than 10%"), reason);
    assertTrue(reason.contains("line 22: expected 11 fields, found 1"), reason);
    assertEquals(26, gunzipLines(lake.open(garbage.lakeKey())).size(), "kept, gzip-compressed");

    Files.delete(mirror.resolve("turnstile_240106.txt"));
    gzip(mirror.resolve("240106.csv.gz"), SHARED_HEADER, readings(20, true, false));
    IngestionResult good = fromMirror().ingest(JAN_6);
    assertEquals(IngestionStatus.STORED, good.status());
    assertEquals(
        List.of(good.lakeKey()), lake.list("turnstile/").stream().map(LakeObject::key).toList());
  }

  @Test
  void aFileWithoutATurnstileHeaderIsQuarantined() throws Exception {
    Files.writeString(
        mirror.resolve("240106.csv.gz"), "<html><body>Service unavailable</body></html>\n");

    IngestionResult result = fromMirror().ingest(JAN_6);

    assertEquals(IngestionStatus.QUARANTINED, result.status());
    assertTrue(result.summary().contains("no turnstile header on line 1"), result.summary());
  }

  @Test
  void aMissingWeekIsReported() throws Exception {
    IngestionResult fromMirror = fromMirror().ingest(JAN_13);
    IngestionResult fromTemplate =
        new TurnstileWeekIngestion(
                lake,
                TurnstileWeekSource.template(mirror.resolve("turnstile_{yyMMdd}.txt").toString()),
                work)
            .ingest(JAN_13);

    assertEquals(IngestionStatus.MISSING, fromMirror.status());
    assertTrue(
        fromMirror.summary().startsWith("2024-01-13 missing: no file"), fromMirror.summary());
    assertEquals(IngestionStatus.MISSING, fromTemplate.status());
    assertTrue(fromTemplate.summary().contains("turnstile_240113.txt"), fromTemplate.summary());
    assertEquals(List.of(), lake.list(""));
  }

  @Test
  void weeksComeOverHttpAndA404IsAMissingWeek() throws Exception {
    byte[] week =
        Files.readAllBytes(
            gzip(work.resolve("w.csv.gz"), SHARED_HEADER, readings(12, true, false)));
    Files.delete(work.resolve("w.csv.gz"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/data/",
        exchange -> {
          boolean found = exchange.getRequestURI().getPath().equals("/data/240106.csv.gz");
          exchange.sendResponseHeaders(found ? 200 : 404, found ? week.length : -1);
          if (found) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(week);
            }
          }
          exchange.close();
        });
    server.start();
    try {
      String template =
          "http://127.0.0.1:" + server.getAddress().getPort() + "/data/{yyMMdd}.csv.gz";
      TurnstileWeekIngestion overHttp =
          new TurnstileWeekIngestion(lake, TurnstileWeekSource.template(template), work);

      assertEquals(IngestionStatus.STORED, overHttp.ingest(JAN_6).status());
      IngestionResult missing = overHttp.ingest(JAN_13);
      assertEquals(IngestionStatus.MISSING, missing.status());
      assertTrue(missing.summary().contains("HTTP 404"), missing.summary());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRealSharedWeekFromTheMirror() throws Exception {
    TurnstileWeekIngestion shared =
        new TurnstileWeekIngestion(
            lake, TurnstileWeekSource.mirror(TurnstileFiles.sharedData()), work);

    IngestionResult result = shared.ingest(JAN_6);

    assertEquals(IngestionStatus.STORED, result.status(), result.summary());
    assertEquals(250_816, result.goodRows());
    assertEquals(0, result.badLineCount());
    List<String> stored = gunzipLines(lake.open(result.lakeKey()));
    assertEquals(250_817, stored.size());
    assertEquals(
        "A002,R051,02-00-00,59 ST,NQR456W,BMT,2023-12-30,03:00:00,REGULAR,102019,73801",
        stored.get(1));
    assertEquals(IngestionStatus.UNCHANGED, shared.ingest(JAN_6).status());
  }

  @Test
  void onlySaturdaysNameAWeek() {
    IllegalArgumentException friday =
        assertThrows(IllegalArgumentException.class, () -> fromMirror().ingest(JAN_6.minusDays(1)));
    assertTrue(friday.getMessage().contains("2024-01-05 is a FRIDAY"), friday.getMessage());
  }

  String read(String key) throws Exception {
    try (InputStream in = lake.open(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
