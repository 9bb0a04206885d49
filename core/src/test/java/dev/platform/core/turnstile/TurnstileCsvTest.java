package dev.platform.core.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Every variant of the public weekly files, and lines that are not readings. */
class TurnstileCsvTest {
  static final TurnstileReading FIRST =
      new TurnstileReading(
          "A002",
          "R051",
          "02-00-00",
          "59 ST",
          "NQR456W",
          "BMT",
          LocalDate.of(2023, 12, 30),
          LocalTime.of(3, 0),
          "REGULAR",
          102019,
          73801);

  @Test
  void theSharedFilesHeaderWithARowNumberColumnAndCa() {
    TurnstileCsv.Header header =
        TurnstileCsv.header(",CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS");
    assertTrue(header.hasRowNumber());
    assertEquals(
        FIRST,
        header
            .parse(
                "0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,102019,73801")
            .get());
  }

  @Test
  void thePublicHeaderWithCSlashAAndNoRowNumber() {
    TurnstileCsv.Header header =
        TurnstileCsv.header("C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS");
    assertFalse(header.hasRowNumber());
    assertEquals(
        FIRST,
        header
            .parse("A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,102019,73801")
            .get());
  }

  @Test
  void aRowNumberColumnWithCSlashAAndCaWithoutRowNumber() {
    assertTrue(
        TurnstileCsv.header(",C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS")
            .hasRowNumber());
    TurnstileCsv.Header header = TurnstileCsv.header(TurnstileCsv.HEADER);
    assertFalse(header.hasRowNumber());
    assertEquals(
        FIRST,
        header
            .parse("A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,102019,73801")
            .get());
  }

  @Test
  void headerAndLinesPaddedWithSpacesAsTheMtaPublishedThem() {
    String pad = " ".repeat(60);
    TurnstileCsv.Header header =
        TurnstileCsv.header(
            "C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES" + pad + ",EXITS" + pad);
    ParseResult<TurnstileReading> reading =
        header.parse(
            "A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,0000102019,0000073801"
                + pad);
    assertEquals(FIRST, reading.get());
    assertEquals(
        FIRST,
        header
            .parse(
                " A002 , R051,02-00-00 ,59 ST , NQR456W,BMT, 12/30/2023 ,03:00:00, REGULAR ,"
                    + " 102019 , 73801 ")
            .get());
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() {
    TurnstileCsv.Header header =
        TurnstileCsv.header(
            "\uFEFFC/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS");
    assertFalse(header.hasRowNumber());
    assertEquals(
        FIRST,
        header
            .parse("A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,102019,73801")
            .get());
  }

  @Test
  void aLineThatIsNoHeaderSaysWhichColumnsAreMissing() {
    TurnstileFormatException notHeader =
        assertThrows(
            TurnstileFormatException.class,
            () ->
                TurnstileCsv.header(
                    "A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,1,2"));
    assertTrue(notHeader.getMessage().contains("missing CA, UNIT, SCP"), notHeader.getMessage());
    TurnstileFormatException noExits =
        assertThrows(
            TurnstileFormatException.class,
            () ->
                TurnstileCsv.header(
                    "CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES"));
    assertTrue(noExits.getMessage().contains("missing EXITS"), noExits.getMessage());
  }

  @Test
  void badLinesGetTheirReason() {
    TurnstileCsv.Header header =
        TurnstileCsv.header(",CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,102019"),
        "expected 12 fields, found 11");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,1,2,3"),
        "expected 12 fields, found 13");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,13/45/2023,03:00:00,REGULAR,1,2"),
        "DATE: not MM/dd/yyyy: '13/45/2023'");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,yesterday,03:00:00,REGULAR,1,2"),
        "DATE: not MM/dd/yyyy: 'yesterday'");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,25:00:00,REGULAR,1,2"),
        "TIME: not HH:mm:ss: '25:00:00'");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,1x,2"),
        "ENTRIES: not a whole number: '1x'");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,1,"),
        "EXITS: not a whole number: ''");
    assertProblem(
        header.parse("0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,-5,2"),
        "ENTRIES and EXITS are counters and must not be negative");
    assertProblem(
        header.parse("0,,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,1,2"),
        "CA, UNIT and SCP must not be empty");
    assertProblem(header.parse("   "), "empty line");
  }

  @Test
  void theCanonicalFormReadsBackToTheSameReading() {
    TurnstileReading quoted =
        new TurnstileReading(
            "R101",
            "R001",
            "02-00-00",
            "SOUTH FERRY, \"1\"",
            "1RW",
            "IRT",
            LocalDate.of(2024, 1, 6),
            LocalTime.of(23, 59, 59),
            "RECOVR AUD",
            0,
            9_999_999_999L);
    TurnstileCsv.Header canonical = TurnstileCsv.header(TurnstileCsv.HEADER);
    assertEquals(
        "A002,R051,02-00-00,59 ST,NQR456W,BMT,2023-12-30,03:00:00,REGULAR,102019,73801",
        TurnstileCsv.format(FIRST));
    assertEquals(FIRST, canonical.parse(TurnstileCsv.format(FIRST)).get());
    assertEquals(quoted, canonical.parse(TurnstileCsv.format(quoted)).get());
  }

  @Test
  void theFirstThousandLinesOfARealSharedWeekParse() throws Exception {
    Path week = Path.of(System.getProperty("shared.data.dir"), "mta", "240106.csv.gz");
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(week)), StandardCharsets.UTF_8))) {
      TurnstileCsv.Header header = TurnstileCsv.header(reader.readLine());
      assertTrue(header.hasRowNumber());
      TurnstileReading last = null;
      for (int line = 2; line <= 1_000; line++) {
        ParseResult<TurnstileReading> result = header.parse(reader.readLine());
        assertTrue(result.isOk(), "line " + line + ": " + result.problem());
        last = result.get();
      }
      assertEquals("A007", last.ca(), "line 1,000 is a reading of booth A007");
      assertEquals(120254076, last.entries());
      assertTrue(last.date().getYear() == 2023 || last.date().getYear() == 2024);
    }
  }

  static void assertProblem(ParseResult<TurnstileReading> result, String problem) {
    assertFalse(result.isOk());
    assertEquals(problem, result.problem());
  }
}
