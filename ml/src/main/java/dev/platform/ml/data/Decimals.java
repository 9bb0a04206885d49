package dev.platform.ml.data;

/** Parses plain decimals ({@code -12.345}) exactly as Double.parseDouble does, only faster. */
final class Decimals {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private Decimals() {}

  /**
   * The value of {@code text} when it is an optional sign, digits and at most one point with at
   * most 15 significant digits; NaN for anything else (the caller then falls back to
   * Double.parseDouble). Such a value is an integer below 2^53 divided by an exact power of ten,
   * one correctly rounded operation, so the result equals Double.parseDouble's.
   */
  static double parse(String text) {
    int start = 0;
    int end = text.length();
    int i = start;
    boolean negative = false;
    if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (; i < end; i++) {
      char b = text.charAt(i);
      if (b >= '0' && b <= '9') {
        if (mantissa != 0 || b != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (b - '0');
        fractionDigits += point ? 1 : 0;
      } else if (b == '.' && !point) {
        point = true;
      } else {
        return Double.NaN;
      }
      if (digits > 15 || fractionDigits >= POWERS_OF_TEN.length) {
        return Double.NaN;
      }
    }
    int length = end - start - (negative || (end > start && text.charAt(start) == '+') ? 1 : 0);
    if (length == 0 || length == 1 && point) {
      return Double.NaN; // "", "-", "." : let parseDouble give its reason
    }
    double value = mantissa / POWERS_OF_TEN[fractionDigits];
    return negative ? -value : value;
  }
}
