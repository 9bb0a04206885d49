package dev.platform.core.lake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Lake} does, whatever holds it. Run against the local folder ({@link
 * LocalLakeTest}) and against GCS through the real client on its in-memory fake ({@link
 * GcsLakeTest}).
 */
abstract class LakeContract {
  @TempDir Path files;

  /** A new, empty lake. */
  abstract Lake lake() throws IOException;

  @Test
  void aPutFileCanBeOpenedAndStattedWithSizeAndChecksum() throws Exception {
    Lake lake = lake();
    byte[] content = "CA,UNIT\nA002,R051\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(files.resolve("week.csv"), content);

    LakeObject put = lake.put("turnstile/batch/2024/turnstile_240106.csv.gz", file);

    assertEquals("turnstile/batch/2024/turnstile_240106.csv.gz", put.key());
    assertEquals(content.length, put.size());
    assertEquals(sha256(content), put.sha256());
    assertEquals(put, lake.stat(put.key()).orElseThrow());
    assertTrue(lake.exists(put.key()));
    assertArrayEquals(content, read(lake, put.key()));
  }

  @Test
  void putBytesIsReadBackWhole() throws Exception {
    Lake lake = lake();
    byte[] content = new byte[300_000]; // larger than one read buffer
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    LakeObject put = lake.put("heart/models/v1/model.json", content);
    assertEquals(sha256(content), put.sha256());
    assertEquals(content.length, lake.stat("heart/models/v1/model.json").orElseThrow().size());
    assertArrayEquals(content, read(lake, "heart/models/v1/model.json"));
    Path copy = files.resolve("copy.json");
    lake.download("heart/models/v1/model.json", copy);
    assertArrayEquals(content, Files.readAllBytes(copy));
  }

  @Test
  void anOverwriteReplacesContentAndChecksum() throws Exception {
    Lake lake = lake();
    LakeObject first = lake.put("heart/models/CURRENT", bytes("v1\n"));
    LakeObject second = lake.put("heart/models/CURRENT", bytes("version-2\n"));
    assertNotEquals(first.sha256(), second.sha256());
    assertEquals(
        sha256(bytes("version-2\n")), lake.stat("heart/models/CURRENT").orElseThrow().sha256());
    assertEquals(
        "version-2\n", new String(read(lake, "heart/models/CURRENT"), StandardCharsets.UTF_8));
    assertEquals(1, lake.list("heart/models/").size());
  }

  @Test
  void listReturnsTheObjectsUnderAPrefixSortedByKey() throws Exception {
    Lake lake = lake();
    lake.put("turnstile/batch/2024/turnstile_240113.csv.gz", bytes("b"));
    lake.put("turnstile/batch/2023/turnstile_231230.csv.gz", bytes("a"));
    lake.put("turnstile/batch/2024/turnstile_240106.csv.gz", bytes("c"));
    lake.put("turnstile/batchless.txt", bytes("not under the folder"));
    lake.put("turnstile/stream/date=2024-01-06/part-0.csv.gz", bytes("s"));
    lake.put("heart/raw/abc/heart.csv", bytes("h"));

    assertEquals(
        List.of(
            "turnstile/batch/2023/turnstile_231230.csv.gz",
            "turnstile/batch/2024/turnstile_240106.csv.gz",
            "turnstile/batch/2024/turnstile_240113.csv.gz"),
        keys(lake.list("turnstile/batch/")));
    assertEquals(
        List.of(
            "turnstile/batch/2024/turnstile_240106.csv.gz",
            "turnstile/batch/2024/turnstile_240113.csv.gz"),
        keys(lake.list("turnstile/batch/2024/turnstile_2401")));
    assertEquals(
        List.of(
            "turnstile/batch/2023/turnstile_231230.csv.gz",
            "turnstile/batch/2024/turnstile_240106.csv.gz",
            "turnstile/batch/2024/turnstile_240113.csv.gz",
            "turnstile/batchless.txt"),
        keys(lake.list("turnstile/batch")));
    assertEquals(6, lake.list("").size());
    assertEquals(List.of(), lake.list("reports/"));
    LakeObject listed = lake.list("heart/").get(0);
    assertEquals(sha256(bytes("h")), listed.sha256());
    assertEquals(1, listed.size());
  }

  @Test
  void deleteRemovesAnObjectAndIgnoresAMissingOne() throws Exception {
    Lake lake = lake();
    lake.put("turnstile/quarantine/batch/turnstile_240106.csv.gz", bytes("x"));
    lake.delete("turnstile/quarantine/batch/turnstile_240106.csv.gz");
    assertFalse(lake.exists("turnstile/quarantine/batch/turnstile_240106.csv.gz"));
    assertTrue(lake.stat("turnstile/quarantine/batch/turnstile_240106.csv.gz").isEmpty());
    assertEquals(List.of(), lake.list("turnstile/"));
    lake.delete("turnstile/quarantine/batch/never-there.csv.gz");
  }

  @Test
  void openingAMissingKeyFailsWithTheKey() throws Exception {
    Lake lake = lake();
    IOException missing = assertThrows(IOException.class, () -> lake.open("heart/models/none"));
    assertTrue(missing.getMessage().contains("heart/models/none"), missing.getMessage());
    assertFalse(lake.exists("heart/models/none"));
  }

  @Test
  void uriNamesTheLakeAndEachKey() throws Exception {
    Lake lake = lake();
    String key = "turnstile/stream/date=2024-01-06/part-0.csv.gz";
    assertTrue(lake.uri(key).endsWith("/" + key), lake.uri(key));
    assertTrue(lake.uri(key).startsWith(lake.uri()), lake.uri() + " / " + lake.uri(key));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] read(Lake lake, String key) throws IOException {
    try (InputStream in = lake.open(key)) {
      return in.readAllBytes();
    }
  }

  static List<String> keys(List<LakeObject> objects) {
    return objects.stream().map(LakeObject::key).toList();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
