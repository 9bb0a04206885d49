package dev.platform.warehouse;

/** The warehouse file stayed held by another process for longer than the wait allowed. */
public class WarehouseBusyException extends IllegalStateException {
  public WarehouseBusyException(String message) {
    super(message);
  }
}
