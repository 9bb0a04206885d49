package dev.platform.kafka.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.turnstile.TurnstileMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ReplayPlanTest {
  @TempDir Path dir;

  /**
   * A hand-made week in the public layout (row numbers, MM/dd/yyyy): turnstile A has a counter
   * reset (entries drop) and a jump (+50,000 exits), turnstile B a REGULAR and RECOVR AUD pair at
   * the same time, and one line does not parse.
   */
  public static Path handMadeWeek(Path dir) throws IOException {
    Path file = dir.resolve("week.csv");
    Files.writeString(
        file,
        String.join(
            "\n",
            ",C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS",
            "0,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,1000,500",
            "1,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,07:00:00,REGULAR,1010,520",
            // reset: entries go back to 3 -> unknown interval
            "2,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,11:00:00,REGULAR,3,530",
            "3,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,15:00:00,REGULAR,43,560",
            // jump: exits +50,000 -> unknown interval
            "4,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,19:00:00,REGULAR,60,50560",
            "5,A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,23:00:00,REGULAR,61,50570",
            "6,R134,R272,01-00-01,28 ST,1,IRT,12/30/2023,04:00:00,REGULAR,200,100",
            "7,R134,R272,01-00-01,28 ST,1,IRT,12/30/2023,08:00:00,RECOVR AUD,290,190",
            "8,R134,R272,01-00-01,28 ST,1,IRT,12/30/2023,08:00:00,REGULAR,250,150",
            "9,R134,R272,01-00-01,28 ST,1,IRT,not a date,12:00:00,REGULAR,1,1",
            "10,R134,R272,01-00-01,28 ST,1,IRT,12/30/2023,12:00:00,REGULAR,260,180",
            ""));
    return file;
  }

  @Test
  void aWeekBecomesPerIntervalMessagesWithoutResetsAndJumps() throws IOException {
    ReplayPlan plan = ReplayPlan.of(handMadeWeek(dir));

    assertEquals(11, plan.lines());
    assertEquals(1, plan.badLines());
    assertEquals(2, plan.turnstiles());
    assertEquals(1, plan.duplicateReadings());
    assertEquals(2, plan.unknownIntervals(), "the reset and the jump");
    List<String> got = new ArrayList<>();
    for (TurnstileMessage m : plan.messages()) {
      got.add(
          m.turnstile().key()
              + " "
              + TurnstileMessage.TIMESTAMP.format(m.timestamp())
              + " "
              + m.entries()
              + "/"
              + m.exits());
    }
    assertEquals(
        List.of(
            "A002|R051|02-00-00 2023-12-30 07:00:00 10/20",
            "R134|R272|01-00-01 2023-12-30 08:00:00 50/50",
            "R134|R272|01-00-01 2023-12-30 12:00:00 10/30",
            "A002|R051|02-00-00 2023-12-30 15:00:00 40/30",
            "A002|R051|02-00-00 2023-12-30 23:00:00 1/10"),
        got,
        "per-interval traffic in event-time order; the REGULAR reading at 08:00 is the one kept");
    TurnstileMessage first = plan.messages().get(0);
    assertEquals("59 ST", first.station());
    assertEquals(LocalDateTime.of(2023, 12, 30, 7, 0), first.timestamp());
    assertEquals("12-30-23", TurnstileMessage.DATE.format(first.date()));
    assertEquals(first, TurnstileMessage.parse(first.format()).get(), "the shared codec reads it");
  }

  @Test
  void messageIdsAreUniqueAndTheSameOnEveryReplay() throws IOException {
    Path file = handMadeWeek(dir);
    List<String> ids = ReplayPlan.of(file).messages().stream().map(TurnstileMessage::id).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size());
    assertEquals(ids, ReplayPlan.of(file).messages().stream().map(TurnstileMessage::id).toList());
    ids.forEach(id -> assertEquals(36, id.length(), id));
  }

  @Test
  void aSharedWeekReplaysWithItsCountsSetAside() throws IOException {
    Path week = Path.of(System.getProperty("shared.data.dir"), "mta", "240106.csv.gz");
    ReplayPlan plan = ReplayPlan.of(week);
    assertTrue(plan.lines() > 200_000, plan.describe());
    assertEquals(0, plan.badLines(), plan.describe());
    long intervals = plan.messages().size() + plan.unknownIntervals();
    assertEquals(
        plan.lines() - plan.duplicateReadings() - plan.turnstiles(),
        intervals,
        "every reading after a turnstile's first closes one interval: " + plan.describe());
    assertTrue(plan.unknownIntervals() > 0, plan.describe());
    for (int i = 1; i < plan.messages().size(); i++) {
      assertTrue(
          !plan.messages().get(i).timestamp().isBefore(plan.messages().get(i - 1).timestamp()),
          "event-time order at " + i);
    }
  }
}
