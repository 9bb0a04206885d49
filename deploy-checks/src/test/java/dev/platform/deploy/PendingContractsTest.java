package dev.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingContractsTest {
  final Repository repository = Repository.current();

  @Test
  void pendingSettingsAreNotReadByTheCodeYet() {
    Set<String> read = CodeSettings.read(repository);
    List<String> arrived = PendingContracts.SETTINGS.stream().filter(read::contains).toList();
    assertEquals(
        List.of(), arrived, "the code reads these now: remove them from PendingContracts.SETTINGS");
  }

  @Test
  void pendingModulesAreNotInTheBuildYet() {
    List<String> arrived =
        PendingContracts.MODULES.stream().filter(repository.modules()::contains).toList();
    assertEquals(
        List.of(),
        arrived,
        "the root pom lists these now: remove them from PendingContracts.MODULES");
  }
}
