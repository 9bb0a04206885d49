package dev.platform.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LocalLake;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.train.TrainingSettings;
import io.temporal.activity.ActivityMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --direct} is the workflow's pipeline: the activity implementations, called in the
 * workflow's order (the activity types the workflow test sees scheduled), and nothing else.
 */
class HeartDirectTrainingTest {
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void directTrainingCallsTheWorkflowsActivitiesInItsOrder() throws Exception {
    Path sample = HeartSamples.sample(data, 3_000);
    HeartLake lake = new HeartLake(new LocalLake(home.resolve("lake")), home);
    List<String> calls = new CopyOnWriteArrayList<>();
    List<String> trained = new CopyOnWriteArrayList<>();

    HeartTrainingResult result =
        new DirectTraining(
                lake,
                new ApiNotifier(Optional.empty(), ""),
                TrainingSettings.smallGrid(),
                activities -> recording(activities, calls, trained))
            .run(sample.toString(), home.resolve("out"), line -> {});

    assertTrue(result.promoted(), result.reason());
    assertEquals(List.of("IngestHeartData", "PrepareData"), calls.subList(0, 2), calls.toString());
    assertEquals(
        List.of("BuildBundle", "PromoteBundle", "NotifyApi"),
        calls.subList(calls.size() - 3, calls.size()),
        calls.toString());
    List<String> beside = calls.subList(2, calls.size() - 3);
    assertEquals(
        List.of("ProfileHeartData", "TrainModel", "TrainModel", "TrainModel", "TrainModel"),
        beside.stream().sorted().toList(),
        "the profile beside the four trainings: " + calls);
    assertEquals(
        HeartTrainingSteps.DEFAULT_MODELS.stream().sorted().toList(),
        trained.stream().sorted().toList());
  }

  /** The activities, each call noted by its activity type name before it runs. */
  private static HeartModelActivities recording(
      HeartModelActivities activities, List<String> calls, List<String> trained) {
    return (HeartModelActivities)
        Proxy.newProxyInstance(
            HeartModelActivities.class.getClassLoader(),
            new Class<?>[] {HeartModelActivities.class},
            (proxy, method, args) -> {
              ActivityMethod activity = method.getAnnotation(ActivityMethod.class);
              if (activity != null) {
                calls.add(activity.name());
                if (args != null && args[0] instanceof TrainRequest request) {
                  trained.add(request.model());
                }
              }
              try {
                return method.invoke(activities, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
