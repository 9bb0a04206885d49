package dev.platform.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/**
 * A process that holds the warehouse open for writing: {@code HoldWarehouse FILE MILLIS}. Prints
 * "holding" once it has the file, exits after MILLIS.
 */
public final class HoldWarehouse {
  public static void main(String[] args) throws Exception {
    WarehouseDatabase database =
        new WarehouseDatabase(Path.of(args[0]), Duration.ofSeconds(30), notice -> {});
    try (Connection connection = database.openForWrite()) {
      System.out.println("holding");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
    }
  }
}
