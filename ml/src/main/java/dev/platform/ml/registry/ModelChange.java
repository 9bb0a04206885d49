package dev.platform.ml.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * One change of CURRENT in {@code heart/models/HISTORY} ({@code LakeLayout.HEART_HISTORY}): when,
 * to which version, from which (empty for the first model), by what ({@code promote}, {@code
 * manual}, {@code rollback}) and why.
 */
public record ModelChange(
    String changedAt, String version, String previous, String action, String reason) {

  public static List<ModelChange> parse(String text) {
    List<ModelChange> changes = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length >= 4) {
        changes.add(
            new ModelChange(
                fields[0], fields[1], fields[2], fields[3], fields.length > 4 ? fields[4] : ""));
      }
    }
    return changes;
  }

  public static String format(List<ModelChange> changes) {
    StringBuilder text = new StringBuilder("# changedAt\tversion\tprevious\taction\treason\n");
    for (ModelChange change : changes) {
      text.append(
              String.join(
                  "\t",
                  change.changedAt,
                  change.version,
                  change.previous,
                  change.action,
                  change.reason.replace('\t', ' ').replace('\n', ' ')))
          .append('\n');
    }
    return text.toString();
  }
}
