package dev.platform.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lake contract on Google Cloud Storage, through the real client API on the in-memory fake
 * ({@link LocalStorageHelper}); and what only GCS has: a prefix inside a shared bucket, objects
 * written by other tools without checksum metadata.
 */
class GcsLakeTest extends LakeContract {
  static final String BUCKET = "platform-lake";
  Storage storage;

  @BeforeEach
  void storage() {
    storage = LocalStorageHelper.customOptions(false).getService();
  }

  @Override
  Lake lake() {
    return new GcsLake(storage, BUCKET, "dev/lake");
  }

  @Test
  void keysAreRelativeToThePrefixAndObjectsOutsideItAreNotListed() throws Exception {
    Lake lake = lake();
    storage.create(
        BlobInfo.newBuilder(BlobId.of(BUCKET, "other/turnstile/batch/x.csv.gz")).build(),
        bytes("other"));
    lake.put("turnstile/batch/2024/turnstile_240106.csv.gz", bytes("ours"));

    assertEquals(
        List.of("turnstile/batch/2024/turnstile_240106.csv.gz"), keys(lake.list("turnstile/")));
    assertTrue(
        storage.get(BlobId.of(BUCKET, "dev/lake/turnstile/batch/2024/turnstile_240106.csv.gz"))
            != null);
    assertEquals("gs://platform-lake/dev/lake/", lake.uri());
    assertEquals(
        "gs://platform-lake/dev/lake/heart/models/CURRENT", lake.uri("heart/models/CURRENT"));
  }

  @Test
  void theChecksumIsKeptAsMetadataAtPutTime() throws Exception {
    Lake lake = lake();
    lake.put("heart/models/CURRENT", bytes("v1\n"));
    assertEquals(
        sha256(bytes("v1\n")),
        storage
            .get(BlobId.of(BUCKET, "dev/lake/heart/models/CURRENT"))
            .getMetadata()
            .get(GcsLake.SHA256_METADATA));
  }

  @Test
  void anObjectWrittenByAnotherToolGetsItsChecksumByReading() throws Exception {
    Lake lake = lake();
    byte[] content = bytes("CA,UNIT,SCP\nA002,R051,02-00-00\n");
    storage.create( // as Flink's file sink writes: no sha256 metadata
        BlobInfo.newBuilder(
                BlobId.of(BUCKET, "dev/lake/turnstile/stream/date=2024-01-06/part-0-0.csv.gz"))
            .build(),
        content);

    LakeObject object = lake.list("turnstile/stream/").get(0);
    assertEquals("turnstile/stream/date=2024-01-06/part-0-0.csv.gz", object.key());
    assertEquals(sha256(content), object.sha256());
    assertEquals(content.length, object.size());
    assertEquals(object, lake.stat(object.key()).orElseThrow());
  }

  @Test
  void folderPlaceholdersAreNotObjectsOfTheLake() throws Exception {
    Lake lake = lake();
    storage.create(
        BlobInfo.newBuilder(BlobId.of(BUCKET, "dev/lake/reports/")).build(), new byte[0]);
    lake.put("reports/turnstile/latest/figures.json", bytes("{}"));
    assertEquals(List.of("reports/turnstile/latest/figures.json"), keys(lake.list("reports/")));
  }

  @Test
  void gsUrisNameABucketAndAnOptionalPrefix() {
    assertEquals(new GcsLake.Location("bucket", "a/b/"), GcsLake.Location.parse("gs://bucket/a/b"));
    assertEquals(
        new GcsLake.Location("bucket", "a/b/"), GcsLake.Location.parse("gs://bucket/a/b/"));
    assertEquals(new GcsLake.Location("bucket", ""), GcsLake.Location.parse("gs://bucket"));
    assertEquals(new GcsLake.Location("bucket", ""), GcsLake.Location.parse("gs://bucket/"));
    assertThrows(IllegalArgumentException.class, () -> GcsLake.Location.parse("gs:///prefix"));
    assertEquals("gs://bucket/", new GcsLake(storage, "bucket", "").uri());
  }
}
