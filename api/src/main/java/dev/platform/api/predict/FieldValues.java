package dev.platform.api.predict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.InvalidValueException;

/**
 * Converts one JSON value to a field's encoded value: numbers must be JSON numbers within range,
 * Yes/No fields take 1/0, true/false or "Yes"/"No", categories take one of their levels.
 */
final class FieldValues {
  private FieldValues() {}

  static double read(FieldSpec field, JsonNode value) {
    if (value.isNull()) {
      throw new InvalidValueException("must not be null");
    }
    return switch (field.kind()) {
      case NUMBER -> {
        if (!value.isNumber()) {
          throw new InvalidValueException("must be a number, got " + RecordParser.typeName(value));
        }
        yield field.checkNumber(value.doubleValue());
      }
      case YES_NO -> {
        if (value.isNumber()) {
          yield field.checkNumber(value.doubleValue());
        }
        if (value.isBoolean()) {
          yield value.booleanValue() ? 1 : 0;
        }
        if (value.isTextual() && !value.textValue().isBlank()) {
          yield field.parseText(value.textValue());
        }
        throw new InvalidValueException("must be 0, 1, \"Yes\" or \"No\", got " + describe(value));
      }
      case CATEGORY -> {
        if (!value.isTextual()) {
          throw new InvalidValueException(
              "must be one of " + field.levels() + ", got " + RecordParser.typeName(value));
        }
        yield field.levelIndex(value.textValue());
      }
    };
  }

  private static String describe(JsonNode value) {
    return value.isTextual() ? "'" + value.textValue() + "'" : RecordParser.typeName(value);
  }
}
