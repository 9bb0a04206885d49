package dev.platform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import java.util.List;

/** The original app's three test cases, as JSON and as records. */
public final class Records {
  private Records() {}

  public static final String CASE_1 =
      """
      {"bmi":40,"smoking":0,"alcoholdrinking":0,"stroke":0,"physicalhealth":0,"mentalhealth":0,\
      "diffwalking":1,"sex":"Male","agecategory":"65-69","race":"White","diabetic":"No",\
      "physicalactivity":1,"genhealth":"Good","sleeptime":10,"asthma":0,"kidneydisease":0,\
      "skincancer":0}""";

  public static final String CASE_2 =
      """
      {"bmi":34,"smoking":1,"alcoholdrinking":0,"stroke":1,"physicalhealth":15,"mentalhealth":5,\
      "diffwalking":1,"sex":"Male","agecategory":"60-64","race":"White","diabetic":"Yes",\
      "physicalactivity":0,"genhealth":"Poor","sleeptime":6,"asthma":1,"kidneydisease":1,\
      "skincancer":0}""";

  public static final String CASE_3 =
      """
      {"bmi":28,"smoking":0,"alcoholdrinking":1,"stroke":0,"physicalhealth":2,"mentalhealth":3,\
      "diffwalking":0,"sex":"Female","agecategory":"55-59","race":"Hispanic",\
      "diabetic":"No, borderline diabetes","physicalactivity":1,"genhealth":"Very good",\
      "sleeptime":7,"asthma":0,"kidneydisease":0,"skincancer":1}""";

  public static final List<String> CASES = List.of(CASE_1, CASE_2, CASE_3);

  public static String list(String... records) {
    return "[" + String.join(",", records) + "]";
  }

  public static ObjectNode node(String record) {
    try {
      return (ObjectNode) Http.JSON.readTree(record);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The record the API should build from a valid JSON record, built here independently. */
  public static HeartRecord record(String json) {
    ObjectNode node = node(json);
    double[] values = new double[HeartSchema.FIELD_COUNT];
    for (int i = 0; i < values.length; i++) {
      FieldSpec field = HeartSchema.FIELDS.get(i);
      values[i] =
          field.kind() == FieldSpec.Kind.CATEGORY
              ? field.levelIndex(node.get(field.name()).textValue())
              : node.get(field.name()).doubleValue();
    }
    return new HeartRecord(values);
  }
}
