package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
  @Test
  void aTextIsInTheSetExactlyWhenItWasAdded() {
    Random random = new Random(3);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
    }
    // texts that are not canonical UUIDs, some looking like one: each is its own ID
    String sample = ids.get(0);
    ids.add(sample.toUpperCase(java.util.Locale.ROOT));
    ids.add(" " + sample.substring(1));
    ids.add(sample.replace('-', '_'));
    ids.add("00000000-0000-0000-0000-000000000000");
    ids.add("msg-42");
    ids.add("");
    MessageIds set = new MessageIds();
    for (String id : ids) {
      assertFalse(set.contains(id), id);
      assertTrue(set.add(id), id);
      assertFalse(set.add(id), id);
    }
    assertEquals(ids.size(), set.size());
    for (String id : ids) {
      assertTrue(set.contains(id), id);
    }
    assertFalse(set.contains(UUID.randomUUID().toString()));
    assertFalse(set.contains("msg-43"));
  }

  @Test
  void survivesSerializationAndCopiesAreIndependent() throws Exception {
    MessageIds set = new MessageIds();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    ids.add("not-a-uuid");
    ids.forEach(set::add);

    DataOutputSerializer out = new DataOutputSerializer(64);
    MessageIds.Serializer.INSTANCE.serialize(set, out);
    assertEquals(4 + 100 * 16 + 4 + 2 + "not-a-uuid".length(), out.length(), "16 bytes per UUID");
    MessageIds read =
        MessageIds.Serializer.INSTANCE.deserialize(
            new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    assertEquals(set.size(), read.size());
    ids.forEach(id -> assertTrue(read.contains(id), id));

    MessageIds copy = MessageIds.Serializer.INSTANCE.copy(set);
    String added = UUID.randomUUID().toString();
    copy.add(added);
    assertTrue(copy.contains(added));
    assertFalse(set.contains(added));
  }
}
