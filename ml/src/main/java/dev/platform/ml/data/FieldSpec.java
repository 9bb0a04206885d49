package dev.platform.ml.data;

import java.util.List;
import java.util.Locale;

/**
 * One input field of the heart-disease survey: its lower-case name, the CDC file's column name, its
 * kind and what values it accepts. Values are held as doubles: numbers as they are, Yes/No as 1/0,
 * categories as the index of the level in {@link #levels()}.
 */
public record FieldSpec(
    String name,
    String csvName,
    Kind kind,
    double min,
    double max,
    List<String> levels,
    boolean ordered) {

  /** How a field is typed and encoded. */
  public enum Kind {
    NUMBER,
    YES_NO,
    CATEGORY
  }

  public static FieldSpec number(String csvName, double min, double max) {
    return new FieldSpec(
        csvName.toLowerCase(Locale.ROOT), csvName, Kind.NUMBER, min, max, List.of(), false);
  }

  public static FieldSpec yesNo(String csvName) {
    return new FieldSpec(
        csvName.toLowerCase(Locale.ROOT), csvName, Kind.YES_NO, 0, 1, List.of("No", "Yes"), false);
  }

  public static FieldSpec category(String csvName, List<String> levels) {
    return new FieldSpec(
        csvName.toLowerCase(Locale.ROOT), csvName, Kind.CATEGORY, 0, 0, levels, false);
  }

  /** A category whose levels are listed in their natural order (age bands, health grades). */
  public static FieldSpec orderedCategory(String csvName, List<String> levels) {
    return new FieldSpec(
        csvName.toLowerCase(Locale.ROOT), csvName, Kind.CATEGORY, 0, 0, levels, true);
  }

  /**
   * Parses a text value as found in the CSV file. An empty value is 0 for numbers and "No" for
   * Yes/No fields, as the original study filled missing values with 0.
   *
   * @throws InvalidValueException with the reason when the value is not allowed
   */
  public double parseText(String raw) {
    String text = raw == null ? "" : raw.strip();
    return switch (kind) {
      case NUMBER -> text.isEmpty() ? 0 : checkRange(parseNumber(text));
      case YES_NO -> text.isEmpty() ? 0 : parseYesNo(text);
      case CATEGORY -> {
        if (text.isEmpty()) {
          throw new InvalidValueException("missing value; allowed: " + levels);
        }
        yield levelIndex(text);
      }
    };
  }

  /** Checks a number against this field's kind: range for numbers, 0/1 for Yes/No fields. */
  public double checkNumber(double value) {
    return switch (kind) {
      case NUMBER -> checkRange(value);
      case YES_NO -> {
        if (value != 0 && value != 1) {
          throw new InvalidValueException("must be 0, 1, \"Yes\" or \"No\", got " + format(value));
        }
        yield value;
      }
      case CATEGORY -> throw new InvalidValueException("must be one of " + levels);
    };
  }

  /** Index of a categorical level, matched exactly first and then ignoring case. */
  public int levelIndex(String text) {
    int exact = levels.indexOf(text);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).equalsIgnoreCase(text)) {
        return i;
      }
    }
    throw new InvalidValueException("'" + text + "' is not one of " + levels);
  }

  /** The value as the CSV file writes it. */
  public String formatValue(double value) {
    return switch (kind) {
      case NUMBER -> format(value);
      case YES_NO, CATEGORY -> levels.get((int) value);
    };
  }

  private double parseNumber(String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException("'" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new InvalidValueException("'" + text + "' is not a finite number");
    }
    return value;
  }

  private double parseYesNo(String text) {
    if (text.equalsIgnoreCase("Yes") || text.equals("1")) {
      return 1;
    }
    if (text.equalsIgnoreCase("No") || text.equals("0")) {
      return 0;
    }
    throw new InvalidValueException("'" + text + "' is not Yes or No");
  }

  private double checkRange(double value) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new InvalidValueException(
          "must be between " + format(min) + " and " + format(max) + ", got " + format(value));
    }
    return value;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
