package dev.platform.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationReferenceIngestionTest {
  @TempDir Path lakeFolder;
  @TempDir Path mirror;

  @Test
  void theSharedTableIsStoredByteForByteOnceThenUnchanged() throws Exception {
    Lake lake = new LocalLake(lakeFolder);
    StationReferenceIngestion ingestion =
        new StationReferenceIngestion(
            lake, TurnstileWeekSource.mirror(TurnstileFiles.sharedData()));

    IngestionResult first = ingestion.ingest();
    IngestionResult second = ingestion.ingest();

    assertEquals(IngestionStatus.STORED, first.status(), first.summary());
    assertEquals(768, first.goodRows(), "769 lines: the header and 768 remote/booth pairs");
    assertEquals(LakeLayout.TURNSTILE_REFERENCE, first.lakeKey());
    assertEquals(
        "82422367d51625027a15c471c69a145a466ca3c86951a50faa3691504c85d521",
        first.sha256(),
        "the published checksum: stored as it came, byte-order mark included");
    try (InputStream in = lake.open(LakeLayout.TURNSTILE_REFERENCE)) {
      assertArrayEquals(
          Files.readAllBytes(TurnstileFiles.sharedData().resolve("mta/remote_booth_station.csv")),
          in.readAllBytes());
    }
    assertEquals(IngestionStatus.UNCHANGED, second.status());
    assertTrue(
        second.summary().startsWith("station reference unchanged: 768 rows"), second.summary());
  }

  @Test
  void aFileThatIsNotTheTableIsQuarantinedAndTheStoredOneStays() throws Exception {
    Lake lake = new LocalLake(lakeFolder);
    Files.writeString(
        mirror.resolve("remote_booth_station.csv"),
        "\uFEFFRemote,Booth,Station,Line Name,Division\r\nR001,A060,WHITEHALL ST,R1,BMT\r\n");
    StationReferenceIngestion ingestion =
        new StationReferenceIngestion(lake, TurnstileWeekSource.mirror(mirror));
    assertEquals(IngestionStatus.STORED, ingestion.ingest().status());

    Files.writeString(mirror.resolve("remote_booth_station.csv"), "<html>moved</html>\n");
    IngestionResult bad = ingestion.ingest();

    assertEquals(IngestionStatus.QUARANTINED, bad.status());
    assertEquals(LakeLayout.TURNSTILE_REFERENCE_QUARANTINE, bad.lakeKey());
    assertTrue(bad.summary().contains("not the station table"), bad.summary());
    try (InputStream in = lake.open(LakeLayout.reasonOf(bad.lakeKey()))) {
      assertTrue(
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .contains("reason: not the station table"));
    }
    try (InputStream in = lake.open(LakeLayout.TURNSTILE_REFERENCE)) {
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("WHITEHALL ST"));
    }
  }

  @Test
  void aMirrorWithoutTheTableUsesThePublicUrl() {
    assertEquals(
        TurnstileWeekSource.PUBLIC_STATION_REFERENCE,
        TurnstileWeekSource.mirror(mirror).stationReference());
    assertFalse(
        TurnstileWeekSource.mirror(TurnstileFiles.sharedData())
            .stationReference()
            .startsWith("http"));
  }
}
