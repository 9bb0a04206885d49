package dev.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every .tf file parsed by HashiCorp's HCL parser, and what the platform needs from it. */
class TerraformTest {
  static final Repository REPOSITORY = Repository.current();
  static ObjectNode gcp;
  static ObjectNode azure;

  @BeforeAll
  static void parseEveryTerraformFile() throws Exception {
    gcp = merged("terraform/gcp");
    azure = merged("terraform/azure");
  }

  /** The blocks of a folder's .tf files merged, as Terraform reads a module. */
  static ObjectNode merged(String folder) throws Exception {
    List<Path> files =
        REPOSITORY.files(folder, ".tf").stream()
            .filter(file -> !file.getFileName().toString().endsWith("_override.tf"))
            .toList();
    assertFalse(files.isEmpty(), folder);
    JsonNode parsed = Hcl.parse(files);
    ObjectNode module = JsonNodeFactory.instance.objectNode();
    for (Iterator<JsonNode> it = parsed.elements(); it.hasNext(); ) {
      JsonNode file = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> blocks = file.fields(); blocks.hasNext(); ) {
        Map.Entry<String, JsonNode> block = blocks.next();
        if (!block.getValue().isObject()) {
          module.set(block.getKey(), block.getValue());
          continue;
        }
        ObjectNode into =
            module.has(block.getKey())
                ? (ObjectNode) module.get(block.getKey())
                : module.putObject(block.getKey());
        block
            .getValue()
            .fields()
            .forEachRemaining(
                entry -> {
                  if (into.has(entry.getKey())
                      && into.get(entry.getKey()).isObject()
                      && entry.getValue().isObject()) {
                    ((ObjectNode) into.get(entry.getKey())).setAll((ObjectNode) entry.getValue());
                  } else {
                    into.set(entry.getKey(), entry.getValue());
                  }
                });
      }
    }
    return module;
  }

  static JsonNode resource(ObjectNode module, String type, String name) {
    JsonNode resource = module.path("resource").path(type).path(name).path(0);
    assertFalse(resource.isMissingNode(), type + "." + name);
    return resource;
  }

  @Test
  void theParserRejectsInvalidHcl(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.tf");
    Files.writeString(bad, "resource \"x\" \"y\" {\n  a = \n}\n");
    Hcl.HclException error = assertThrows(Hcl.HclException.class, () -> Hcl.parse(List.of(bad)));
    assertTrue(error.getMessage().contains("bad.tf:"), error.getMessage());
  }

  @Test
  void theLakeBucketIsPrivateVersionedAndMovesRawFilesToColdStorage() {
    JsonNode bucket = resource(gcp, "google_storage_bucket", "lake");
    assertTrue(bucket.path("uniform_bucket_level_access").asBoolean());
    assertEquals("enforced", bucket.path("public_access_prevention").asText());
    assertTrue(bucket.path("versioning").path(0).path("enabled").asBoolean());
    List<String> prefixRules = new ArrayList<>();
    for (JsonNode rule : bucket.path("lifecycle_rule")) {
      JsonNode condition = rule.path("condition").path(0);
      if (!condition.path("matches_prefix").isMissingNode()) {
        prefixRules.add(
            condition.path("matches_prefix").asText()
                + " -> "
                + rule.path("action").path(0).path("storage_class").asText());
      }
    }
    assertEquals(List.of("${local.raw_prefixes} -> COLDLINE"), prefixRules);
    String rawPrefixes = gcp.path("locals").path(0).path("raw_prefixes").toString();
    assertTrue(
        rawPrefixes.contains("/heart/raw/") && rawPrefixes.contains("/turnstile/batch/"),
        rawPrefixes);
  }

  @Test
  void theServiceAccountIsObjectAdminOnTheLakeBucketOnly() {
    resource(gcp, "google_service_account", "platform");
    JsonNode binding = resource(gcp, "google_storage_bucket_iam_member", "lake_object_admin");
    assertEquals("roles/storage.objectAdmin", binding.path("role").asText());
    assertEquals("${google_storage_bucket.lake.name}", binding.path("bucket").asText());
    Set<String> types = new TreeSet<>();
    gcp.path("resource").fieldNames().forEachRemaining(types::add);
    assertTrue(
        types.stream().noneMatch(type -> type.startsWith("google_project_iam")),
        "no project-wide roles: " + types);
    assertEquals(
        1,
        types.stream().filter(type -> type.contains("iam")).count(),
        "one IAM binding: " + types);
  }

  @Test
  void vmsForEveryRoleRunTheirComposeProfile() throws Exception {
    JsonNode vm = resource(gcp, "google_compute_instance", "vm");
    assertEquals("${toset(local.roles)}", vm.path("for_each").asText());
    List<String> roles = new ArrayList<>();
    gcp.path("locals").path(0).path("roles").forEach(role -> roles.add(role.asText()));
    assertEquals(List.of("kafka", "flink", "temporal", "apps"), roles);
    assertEquals("${var.machine_types[each.key]}", vm.path("machine_type").asText());

    ComposeFile compose = ComposeFile.of(REPOSITORY);
    for (String role : roles) {
      assertTrue(
          compose.services().keySet().stream().anyMatch(s -> compose.profiles(s).contains(role)),
          "a compose profile " + role);
    }
    Set<String> covered = new TreeSet<>();
    for (String service : compose.services().keySet()) {
      if (roles.stream().anyMatch(compose.profiles(service)::contains)) {
        covered.add(service);
      }
    }
    assertEquals(compose.services().keySet(), covered, "every service runs on some VM");

    Matcher call =
        Pattern.compile(
                "templatefile\\(\"\\$\\{path.module}/([^\"]+)\", \\{(.*)}\\)", Pattern.DOTALL)
            .matcher(vm.path("metadata_startup_script").asText());
    assertTrue(call.find(), vm.path("metadata_startup_script").asText());
    Path template = REPOSITORY.resolve("terraform/gcp/" + call.group(1));
    String script = Repository.read(template);
    Set<String> passed = new TreeSet<>();
    Pattern.compile("\"?(\\w+)\"?\\s*=")
        .matcher(call.group(2))
        .results()
        .forEach(m -> passed.add(m.group(1)));
    Set<String> used = new TreeSet<>();
    Pattern.compile("(?<!\\$)\\$\\{(\\w+)}")
        .matcher(script)
        .results()
        .forEach(m -> used.add(m.group(1)));
    assertEquals(passed, used, "the template uses exactly the values passed to it");
    assertTrue(
        script.contains("docker compose --profile \"${profile}\" up -d"), "runs its profile");
    assertTrue(script.contains("get.docker.com"), "installs Docker");
    for (String setting : List.of("PLATFORM_LAKE", "PLATFORM_API_KEY", "TEMPORAL_ADDRESS")) {
      assertTrue(script.contains(setting + "="), setting);
    }
  }

  @Test
  void theFirewallOpensNamedPortsOnlyToTheConfiguredRange() {
    JsonNode operators = resource(gcp, "google_compute_firewall", "operators");
    assertEquals("${var.allowed_source_ranges}", operators.path("source_ranges").asText());
    JsonNode internal = resource(gcp, "google_compute_firewall", "internal");
    assertEquals("[\"${var.subnet_cidr}\"]", internal.path("source_ranges").toString());
    for (JsonNode firewall : List.of(operators, internal)) {
      JsonNode ports = firewall.path("allow").path(0).path("ports");
      assertTrue(ports.isArray() && ports.size() > 0, "explicit ports");
      ports.forEach(
          port -> assertTrue(port.asText().matches("\\d+"), "single ports, no ranges: " + port));
      assertEquals("tcp", firewall.path("allow").path(0).path("protocol").asText());
    }
    JsonNode iap = resource(gcp, "google_compute_firewall", "iap_ssh");
    assertEquals(
        "[\"35.235.240.0/20\"]", iap.path("source_ranges").toString(), "Google's IAP range");
    assertEquals("[\"22\"]", iap.path("allow").path(0).path("ports").toString());
    Set<String> firewalls = new TreeSet<>();
    gcp.path("resource")
        .path("google_compute_firewall")
        .fieldNames()
        .forEachRemaining(firewalls::add);
    assertEquals(Set.of("internal", "operators", "iap_ssh"), firewalls, "no other openings");
    JsonNode ranges = gcp.path("variable").path("allowed_source_ranges").path(0);
    assertFalse(ranges.path("default").toString().contains("0.0.0.0/0"), ranges.toString());
    assertTrue(ranges.path("default").size() > 0, "a default that is not the internet");
    assertTrue(
        ranges.path("validation").toString().contains("0.0.0.0/0"),
        "a validation rejects 0.0.0.0/0: " + ranges.path("validation"));
    assertTrue(ranges.path("validation").toString().contains("var.allow_public_access"));
    assertEquals(
        false,
        gcp.path("variable").path("allow_public_access").path(0).path("default").asBoolean(true));
  }

  @Test
  void everyVariableIsDescribedAndValidatedUnlessFreeForm() {
    Set<String> freeForm = Set.of("vm_image", "repo_ref", "allow_public_access", "tags");
    List<String> problems = new ArrayList<>();
    for (ObjectNode module : List.of(gcp, azure)) {
      module
          .path("variable")
          .fields()
          .forEachRemaining(
              entry -> {
                JsonNode variable = entry.getValue().path(0);
                if (variable.path("description").asText().isBlank()) {
                  problems.add(entry.getKey() + ": no description");
                }
                if (!freeForm.contains(entry.getKey())
                    && variable.path("validation").isMissingNode()) {
                  problems.add(entry.getKey() + ": no validation");
                }
              });
      module
          .path("output")
          .fields()
          .forEachRemaining(
              entry -> {
                if (entry.getValue().path(0).path("description").asText().isBlank()) {
                  problems.add("output " + entry.getKey() + ": no description");
                }
              });
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theExampleVariablesFileSetsEveryRequiredVariableAndOnlyDeclaredOnes() throws Exception {
    for (var module : Map.of("terraform/gcp", gcp, "terraform/azure", azure).entrySet()) {
      Path example = REPOSITORY.resolve(module.getKey() + "/terraform.tfvars.example");
      Path copy = Files.createTempFile("example", ".tf");
      Files.copy(example, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      JsonNode values = Hcl.parse(List.of(copy)).path(copy.toString());
      Files.delete(copy);
      Set<String> declared = new TreeSet<>();
      module.getValue().path("variable").fieldNames().forEachRemaining(declared::add);
      Set<String> set = new TreeSet<>();
      values.fieldNames().forEachRemaining(set::add);
      assertTrue(declared.containsAll(set), module.getKey() + ": " + set + " declared " + declared);
      Set<String> required = new TreeSet<>();
      module
          .getValue()
          .path("variable")
          .fields()
          .forEachRemaining(
              entry -> {
                if (!entry.getValue().path(0).has("default")) {
                  required.add(entry.getKey());
                }
              });
      assertTrue(
          set.containsAll(required),
          module.getKey() + ": required " + required + ", example sets " + set);
    }
  }

  @Test
  void theFunctionAppRunsJava17OnAConsumptionPlanWithTheApiSettings() {
    resource(azure, "azurerm_resource_group", "risk");
    resource(azure, "azurerm_storage_account", "functions");
    JsonNode plan = resource(azure, "azurerm_service_plan", "consumption");
    assertEquals("Y1", plan.path("sku_name").asText());
    assertEquals("Linux", plan.path("os_type").asText());
    JsonNode app = resource(azure, "azurerm_linux_function_app", "risk");
    assertEquals(
        "17",
        app.path("site_config")
            .path(0)
            .path("application_stack")
            .path(0)
            .path("java_version")
            .asText());
    assertEquals("${azurerm_service_plan.consumption.id}", app.path("service_plan_id").asText());
    JsonNode settings = app.path("app_settings");
    assertTrue(settings.has("PLATFORM_MODEL_DIR"), settings.toString());
    Set<String> code = CodeSettings.read(REPOSITORY);
    settings
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.startsWith("FUNCTIONS_") && !name.startsWith("WEBSITE_")) {
                assertTrue(code.contains(name), name + " is an application setting the code reads");
              }
            });
  }

  @Test
  void theDeployScriptShipsThePackageTheBuildLaysOut() {
    Path script = REPOSITORY.resolve("terraform/azure/deploy-function.sh");
    assertTrue(Files.isExecutable(script));
    String text = Repository.read(script);
    assertTrue(text.contains("azure-function/target/azure-functions/heart-risk"));
    assertTrue(
        REPOSITORY.read("azure-function/pom.xml").contains("azure-functions/heart-risk"),
        "the azure-function build lays the package out there");
    assertTrue(text.contains("az functionapp deployment source config-zip"));
    for (Matcher output = Pattern.compile("output -raw (\\w+)").matcher(text); output.find(); ) {
      assertTrue(azure.path("output").has(output.group(1)), "terraform output " + output.group(1));
    }
  }
}
