package dev.platform.ml.data;

import java.util.List;
import java.util.Optional;

/** The CDC 2020 heart-disease file: the target column and the 17 input fields, in file order. */
public final class HeartSchema {
  public static final String TARGET_CSV_NAME = "HeartDisease";
  public static final String TARGET = "heartdisease";

  public static final List<String> AGE_CATEGORIES =
      List.of(
          "18-24",
          "25-29",
          "30-34",
          "35-39",
          "40-44",
          "45-49",
          "50-54",
          "55-59",
          "60-64",
          "65-69",
          "70-74",
          "75-79",
          "80 or older");

  /** Input fields in the order of the CDC file's columns (after {@code HeartDisease}). */
  public static final List<FieldSpec> FIELDS =
      List.of(
          FieldSpec.number("BMI", 10, 100),
          FieldSpec.yesNo("Smoking"),
          FieldSpec.yesNo("AlcoholDrinking"),
          FieldSpec.yesNo("Stroke"),
          FieldSpec.number("PhysicalHealth", 0, 30),
          FieldSpec.number("MentalHealth", 0, 30),
          FieldSpec.yesNo("DiffWalking"),
          FieldSpec.category("Sex", List.of("Female", "Male")),
          FieldSpec.orderedCategory("AgeCategory", AGE_CATEGORIES),
          FieldSpec.category(
              "Race",
              List.of(
                  "American Indian/Alaskan Native",
                  "Asian",
                  "Black",
                  "Hispanic",
                  "Other",
                  "White")),
          FieldSpec.category(
              "Diabetic",
              List.of("No", "No, borderline diabetes", "Yes", "Yes (during pregnancy)")),
          FieldSpec.yesNo("PhysicalActivity"),
          FieldSpec.orderedCategory(
              "GenHealth", List.of("Excellent", "Very good", "Good", "Fair", "Poor")),
          FieldSpec.number("SleepTime", 0, 24),
          FieldSpec.yesNo("Asthma"),
          FieldSpec.yesNo("KidneyDisease"),
          FieldSpec.yesNo("SkinCancer"));

  public static final int FIELD_COUNT = FIELDS.size();

  private HeartSchema() {}

  /** Index of a field by its lower-case name, or empty. */
  public static Optional<Integer> indexOf(String name) {
    for (int i = 0; i < FIELDS.size(); i++) {
      if (FIELDS.get(i).name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public static FieldSpec field(String name) {
    return FIELDS.get(
        indexOf(name).orElseThrow(() -> new IllegalArgumentException("unknown field " + name)));
  }
}
