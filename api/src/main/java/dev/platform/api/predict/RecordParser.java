package dev.platform.api.predict;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.platform.api.config.ApiConfig;
import dev.platform.api.errors.ApiError;
import dev.platform.api.errors.ApiException;
import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.InvalidValueException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a prediction request body: a JSON list of records (or a JSON string holding that list, as
 * some clients double-encode), each an object with the 17 lower-case field names. Every problem of
 * every record is collected before answering, up to {@code api.max-errors}.
 */
@Singleton
public class RecordParser {
  // a valid body is a list of flat objects: anything deeper is refused while parsing
  private static final int MAX_DEPTH = 16;
  private static final int MAX_NUMBER_LENGTH = 100;

  private final ObjectMapper mapper;
  private final Map<String, Integer> fieldIndex = new HashMap<>();
  private final Map<String, String> fieldByLowerCase = new HashMap<>();
  private final int maxRecords;
  private final int maxErrors;

  public RecordParser(ApiConfig config) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
      String name = HeartSchema.FIELDS.get(i).name();
      fieldIndex.put(name, i);
      fieldByLowerCase.put(name.toLowerCase(Locale.ROOT), name);
    }
    this.maxRecords = config.maxRecords();
    this.maxErrors = Math.max(1, config.maxErrors());
  }

  public List<HeartRecord> parse(byte[] body) {
    JsonNode list = readTree(body);
    if (list.isTextual()) {
      list = readTree(list.textValue());
      if (list.isTextual()) {
        throw ApiException.badRequest("body is a string within a string; send the JSON list");
      }
    }
    if (!list.isArray()) {
      throw ApiException.badRequest(
          "body must be a JSON list of records, got " + typeName(list) + " instead");
    }
    if (list.isEmpty()) {
      throw ApiException.badRequest("the list of records is empty");
    }
    if (list.size() > maxRecords) {
      throw ApiException.badRequest(
          "too many records: " + list.size() + "; at most " + maxRecords + " per request");
    }
    Problems problems = new Problems(maxErrors);
    List<HeartRecord> records = new ArrayList<>(list.size());
    for (int index = 0; index < list.size(); index++) {
      HeartRecord record = toRecord(index, list.get(index), problems);
      if (record != null) {
        records.add(record);
      }
    }
    problems.throwIfAny();
    return records;
  }

  private JsonNode readTree(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("empty body; expected a JSON list of records");
    }
    try {
      return nonMissing(mapper.readTree(body));
    } catch (JacksonException e) {
      throw malformed(e);
    } catch (IOException e) {
      // e.g. bytes that are no valid text in the detected encoding
      throw ApiException.badRequest("unreadable body: " + e.getMessage());
    }
  }

  private JsonNode readTree(String text) {
    try {
      return nonMissing(mapper.readTree(text));
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static JsonNode nonMissing(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw ApiException.badRequest("empty body; expected a JSON list of records");
    }
    return node;
  }

  private static ApiException malformed(JacksonException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return ApiException.badRequest("malformed JSON" + where + ": " + e.getOriginalMessage());
  }

  /** The record at {@code index}, or null when it has problems (added to {@code problems}). */
  private HeartRecord toRecord(int index, JsonNode node, Problems problems) {
    if (!node.isObject()) {
      problems.add(ApiError.ofRecord(index, "record must be a JSON object, got " + typeName(node)));
      return null;
    }
    int before = problems.count();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fieldIndex.containsKey(name)) {
        String known = fieldByLowerCase.get(name.toLowerCase(Locale.ROOT));
        problems.add(
            ApiError.ofField(
                index,
                name,
                known == null
                    ? "unknown field"
                    : "unknown field; field names are lower-case: '" + known + "'"));
      }
    }
    double[] values = new double[HeartSchema.FIELD_COUNT];
    for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
      FieldSpec field = HeartSchema.FIELDS.get(i);
      JsonNode value = node.get(field.name());
      if (value == null) {
        problems.add(ApiError.ofField(index, field.name(), "missing field"));
        continue;
      }
      try {
        values[i] = FieldValues.read(field, value);
      } catch (InvalidValueException e) {
        problems.add(ApiError.ofField(index, field.name(), e.getMessage()));
      }
    }
    return problems.count() == before ? new HeartRecord(values) : null;
  }

  static String typeName(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** The problems found so far; beyond the cap only counted. */
  private static final class Problems {
    private final int cap;
    private final List<ApiError> listed = new ArrayList<>();
    private int count;

    Problems(int cap) {
      this.cap = cap;
    }

    void add(ApiError error) {
      if (count++ < cap) {
        listed.add(error);
      }
    }

    int count() {
      return count;
    }

    void throwIfAny() {
      if (count == 0) {
        return;
      }
      String message =
          count == 1
              ? "1 invalid value"
              : count + " invalid values" + (count > cap ? " (first " + cap + " listed)" : "");
      throw ApiException.invalidRecords(message, listed);
    }
  }
}
