package dev.platform.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fits a worker runs at once never ask for more threads than it has cores. */
class HeartWorkerSettingsTest {
  @Test
  void parallelFitsShareTheCoresAndTheSlotsMatch() {
    for (int cores : new int[] {1, 2, 3, 4, 8, 16}) {
      HeartWorkerSettings settings = HeartWorkerSettings.forCores(cores);
      int fits = Math.min(cores, HeartTrainingSteps.DEFAULT_MODELS.size());
      assertEquals(fits, settings.training().parallelFits(), cores + " cores");
      assertEquals(fits + 1, settings.activitySlots(), "the fits and the profile, " + cores);
      assertTrue(
          settings.training().threadsPerFit() * fits <= cores,
          cores + " cores: " + settings.training());
      assertTrue(settings.training().threadsPerFit() >= 1);
    }
    assertEquals(1, HeartWorkerSettings.forCores(2).training().threadsPerFit());
    assertEquals(4, HeartWorkerSettings.forCores(16).training().threadsPerFit());
  }
}
