package dev.platform.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A platform component the dev stack runs as its own JVM: {@code java -cp <class path> <jvmOptions>
 * <mainClass> <args>}, the class path being this JVM's unless the component names its own (the API
 * runs from its own jar, apart from the CLI's libraries).
 *
 * @param name short name; also names the log and pid files
 * @param mainClass the class whose {@code main} runs the component
 * @param args program arguments
 * @param jvmOptions options placed before the main class (heap size, system properties)
 * @param env variables added to the inherited environment
 * @param readiness how to tell the component is ready
 * @param timeout how long to wait for readiness
 * @param where what it serves, for people (e.g. {@code grpc localhost:7233})
 * @param classPath the component's own class path, or empty for this JVM's
 * @param metrics where Prometheus scrapes its metrics (a URL), or empty
 */
public record Component(
    String name,
    String mainClass,
    List<String> args,
    List<String> jvmOptions,
    Map<String, String> env,
    Readiness readiness,
    Duration timeout,
    String where,
    String classPath,
    String metrics) {

  /** A component with its own class path and no metrics address. */
  public Component(
      String name,
      String mainClass,
      List<String> args,
      List<String> jvmOptions,
      Map<String, String> env,
      Readiness readiness,
      Duration timeout,
      String where,
      String classPath) {
    this(name, mainClass, args, jvmOptions, env, readiness, timeout, where, classPath, "");
  }

  /** A component on this JVM's class path. */
  public Component(
      String name,
      String mainClass,
      List<String> args,
      List<String> jvmOptions,
      Map<String, String> env,
      Readiness readiness,
      Duration timeout,
      String where) {
    this(name, mainClass, args, jvmOptions, env, readiness, timeout, where, "");
  }

  public Component {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(timeout, "timeout");
    args = List.copyOf(args);
    jvmOptions = List.copyOf(jvmOptions);
    env = Map.copyOf(env);
    where = where == null ? "" : where;
    classPath = classPath == null ? "" : classPath;
    metrics = metrics == null ? "" : metrics;
  }

  /** This component, its metrics scraped at {@code url}. */
  public Component withMetrics(String url) {
    return new Component(
        name, mainClass, args, jvmOptions, env, readiness, timeout, where, classPath, url);
  }

  /**
   * The system property put on the component's command line. Stopping checks a pid still carries
   * it, so a pid reused by an unrelated process is never killed.
   */
  String marker() {
    return "-Dplatform.dev.component=" + name;
  }

  /**
   * The command line that runs the component in the foreground, from its own class path (serve,
   * bench, {@code stream run}).
   */
  public List<String> foregroundCommand() {
    List<String> command = new java.util.ArrayList<>();
    command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath.isEmpty() ? System.getProperty("java.class.path") : classPath);
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}
