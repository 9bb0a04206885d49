package dev.platform.cli;

import java.util.Locale;

/** Readable names for Temporal's protobuf enums. */
final class EnumNames {
  private EnumNames() {}

  /**
   * {@code camel("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", "EVENT_TYPE_")} is {@code
   * ActivityTaskScheduled}.
   */
  static String camel(String name, String prefix) {
    String bare = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    StringBuilder camel = new StringBuilder();
    for (String word : bare.split("_")) {
      if (!word.isEmpty()) {
        camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return camel.toString();
  }
}
