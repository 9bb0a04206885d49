package dev.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Terraform files parsed by HashiCorp's HCL library: {@code @cdktf/hcl2json} (the Go parser as
 * WebAssembly) run by Node.js from {@code target/hcl}, where the build installs it with {@code npm
 * ci}. Blocks come back as JSON: {@code resource.<type>.<name>[0]}, {@code variable.<name>[0]},
 * expressions as {@code "${...}"} strings.
 */
final class Hcl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Hcl() {}

  /** Each file's JSON, keyed by its path as given. */
  static JsonNode parse(List<Path> files) throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("hcl.dir", "target/hcl"));
    Path script = dir.resolve("hcl2json.js");
    if (!Files.isDirectory(dir.resolve("node_modules/@cdktf/hcl2json"))) {
      throw new IllegalStateException(
          "the HCL parser is not installed in " + dir + ": the build runs `npm ci` there");
    }
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    files.forEach(file -> command.add(file.toString()));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the HCL parser did not finish");
    }
    if (process.exitValue() != 0) {
      throw new HclException(err.strip());
    }
    return JSON.readTree(out);
  }

  /** A file the parser rejected, with its message ({@code file:line,col: ...}). */
  static final class HclException extends RuntimeException {
    HclException(String message) {
      super(message);
    }
  }
}
