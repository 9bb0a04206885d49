package dev.platform.cli.stack;

/** A component that fails at once, as one with a bad configuration would. */
public final class CrashingMain {
  private CrashingMain() {}

  public static void main(String[] args) {
    System.err.println("crashing on purpose: " + String.join(" ", args));
    System.exit(3);
  }
}
