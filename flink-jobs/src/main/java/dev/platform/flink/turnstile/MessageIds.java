package dev.platform.flink.turnstile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A set of message IDs, compact: an ID in the canonical UUID form (what producers send: 36
 * lower-case hex digits and dashes) is kept as its 128 bits in an open-addressing table of longs;
 * any other ID is kept as text. Two IDs are the same exactly when their texts are equal.
 *
 * <p>Millions of IDs as strings in a map cost ~100 bytes each on the heap and in every checkpoint,
 * and keep the garbage collector copying them; here they cost 16 bytes plus the table's slack.
 */
public final class MessageIds {
  private static final int MIN_CAPACITY = 4;

  /**
   * Slot i holds {@code table[2i], table[2i+1]}; (0, 0) is empty (the nil UUID is kept as text).
   */
  private long[] table;

  private int size;
  private Set<String> others;

  public MessageIds() {
    this(MIN_CAPACITY);
  }

  private MessageIds(int capacity) {
    table = new long[2 * capacity];
  }

  /** Adds an ID; false when it was already there. */
  public boolean add(String id) {
    long[] bits = new long[2];
    if (!uuidBits(id, bits) || (bits[0] | bits[1]) == 0) {
      if (others == null) {
        others = new HashSet<>();
      }
      return others.add(id);
    }
    if (addBits(bits[0], bits[1])) {
      if (2 * (size + 1) > slots() * 3 / 2) { // load factor 3/4
        resize(slots() * 2);
      }
      size++;
      return true;
    }
    return false;
  }

  public boolean contains(String id) {
    long[] bits = new long[2];
    if (!uuidBits(id, bits) || (bits[0] | bits[1]) == 0) {
      return others != null && others.contains(id);
    }
    return isSet(probe(bits[0], bits[1]));
  }

  public int size() {
    return size + (others == null ? 0 : others.size());
  }

  public MessageIds copy() {
    MessageIds copy = new MessageIds(0);
    copy.table = table.clone();
    copy.size = size;
    copy.others = others == null ? null : new HashSet<>(others);
    return copy;
  }

  /** Puts the bits in their slot, false when they are there already (the table has room). */
  private boolean addBits(long high, long low) {
    int i = probe(high, low);
    if (isSet(i)) {
      return false;
    }
    table[2 * i] = high;
    table[2 * i + 1] = low;
    return true;
  }

  /** The slot holding these bits, or the empty slot where they would go (the table has room). */
  private int probe(long high, long low) {
    int mask = slots() - 1;
    for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
      long h = table[2 * i];
      long l = table[2 * i + 1];
      if ((h == high && l == low) || (h == 0 && l == 0)) {
        return i;
      }
    }
  }

  private boolean isSet(int slot) {
    return table[2 * slot] != 0 || table[2 * slot + 1] != 0;
  }

  private int slots() {
    return table.length / 2;
  }

  private void resize(int capacity) {
    long[] old = table;
    table = new long[2 * capacity];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        addBits(old[i], old[i + 1]);
      }
    }
  }

  private static int slot(long high, long low, int mask) {
    long h = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  private static final byte[] HEX = new byte[128];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int i = 0; i < 16; i++) {
      HEX["0123456789abcdef".charAt(i)] = (byte) i;
    }
  }

  /**
   * Reads a canonical UUID (36 characters: lower-case hex digits in groups of 8-4-4-4-12 separated
   * by dashes) into its two 64-bit halves; false when the text is not one.
   */
  static boolean uuidBits(String id, long[] bits) {
    if (id.length() != 36
        || id.charAt(8) != '-'
        || id.charAt(13) != '-'
        || id.charAt(18) != '-'
        || id.charAt(23) != '-') {
      return false;
    }
    long a = hex(id, 0, 8);
    long b = hex(id, 9, 13);
    long c = hex(id, 14, 18);
    long d = hex(id, 19, 23);
    long e = hex(id, 24, 36);
    if ((a | b | c | d | e) < 0) {
      return false;
    }
    bits[0] = a << 32 | b << 16 | c;
    bits[1] = d << 48 | e;
    return true;
  }

  /** The value of at most 12 lower-case hex digits, or -1 when one is not. */
  private static long hex(String id, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      char ch = id.charAt(i);
      int digit = ch < 128 ? HEX[ch] : -1;
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /** Flink's serializer for the set (in keyed state): the occupied slots only. */
  public static final class Serializer extends TypeSerializerSingleton<MessageIds> {
    public static final Serializer INSTANCE = new Serializer();

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public MessageIds createInstance() {
      return new MessageIds();
    }

    @Override
    public MessageIds copy(MessageIds from) {
      return from.copy();
    }

    @Override
    public MessageIds copy(MessageIds from, MessageIds reuse) {
      return from.copy();
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(MessageIds ids, DataOutputView out) throws IOException {
      out.writeInt(ids.size);
      long[] table = ids.table;
      for (int i = 0; i < table.length; i += 2) {
        if (table[i] != 0 || table[i + 1] != 0) {
          out.writeLong(table[i]);
          out.writeLong(table[i + 1]);
        }
      }
      List<String> others = ids.others == null ? List.of() : new ArrayList<>(ids.others);
      out.writeInt(others.size());
      for (String id : others) {
        out.writeUTF(id);
      }
    }

    @Override
    public MessageIds deserialize(DataInputView in) throws IOException {
      int size = in.readInt();
      int capacity = MIN_CAPACITY;
      while (capacity * 3 / 4 < size + 1) {
        capacity *= 2;
      }
      MessageIds ids = new MessageIds(capacity);
      for (int i = 0; i < size; i++) {
        ids.addBits(in.readLong(), in.readLong());
      }
      ids.size = size;
      int others = in.readInt();
      if (others > 0) {
        ids.others = new HashSet<>();
        for (int i = 0; i < others; i++) {
          ids.others.add(in.readUTF());
        }
      }
      return ids;
    }

    @Override
    public MessageIds deserialize(MessageIds reuse, DataInputView in) throws IOException {
      return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
      serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<MessageIds> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores the serializer from a checkpoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MessageIds> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
