package dev.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowsTest {
  final Repository repository = Repository.current();

  @Test
  void everyCommandPathModuleAndActionAWorkflowNamesExists() {
    List<Path> workflows = WorkflowFile.all(repository);
    assertEquals(3, workflows.size(), workflows.toString());
    List<String> problems = new ArrayList<>();
    for (Path file : workflows) {
      new WorkflowFile(repository, Repository.read(file))
          .problems()
          .forEach(problem -> problems.add(file.getFileName() + ": " + problem));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void buildAndTestRunsTheProjectsCi() {
    String text = repository.read(".github/workflows/build-and-test.yml");
    assertTrue(text.contains("run: bash .ci/run"), "the same CI as the project");
    assertTrue(text.contains("push:"));
  }

  @Test
  void releaseBuildsAndPushesEveryImageOnATag() {
    Map<String, Object> release = Repository.yaml(repository.read(".github/workflows/release.yml"));
    Object on = release.containsKey("on") ? release.get("on") : release.get(Boolean.TRUE);
    assertTrue(String.valueOf(on).contains("tags=[v*]"), String.valueOf(on));
    Map<?, ?> images = (Map<?, ?>) ((Map<?, ?>) release.get("jobs")).get("images");
    Object matrix = ((Map<?, ?>) ((Map<?, ?>) images.get("strategy")).get("matrix")).get("image");
    assertEquals(List.of("worker", "api", "flink"), matrix);
    for (String image : DockerfilesTest.OURS) {
      assertTrue(image.matches("infra/(worker|api|flink)/Dockerfile"), image);
    }
  }

  @Test
  void deployIsParameterisedByEnvironment() {
    String text = repository.read(".github/workflows/deploy.yml");
    assertTrue(text.contains("environment: ${{ inputs.environment }}"));
    assertTrue(text.contains("terraform -chdir=terraform/gcp apply"));
    assertTrue(text.contains("terraform -chdir=terraform/azure apply"));
    assertTrue(text.contains("terraform/azure/deploy-function.sh"));
  }

  @Test
  void findsBrokenReferences() {
    String broken =
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            strategy:
              matrix:
                image: [worker, nothing]
            steps:
              - uses: actions/checkout
              - run: ./mvnw -B -pl ghost -am package && bash .ci/missing
              - uses: docker/build-push-action@v6
                with:
                  file: infra/${{ matrix.image }}/Dockerfile
              - uses: actions/upload-artifact@v4
                with:
                  path: azure-function/target/not-built
              - run: terraform -chdir=terraform/nowhere apply
        """;
    List<String> problems = new WorkflowFile(repository, broken).problems();
    String all = String.join("\n", problems);
    for (String expected :
        List.of(
            "action actions/checkout is not pinned",
            "-pl ghost is not a module",
            ".ci/missing does not exist",
            "infra/nothing/Dockerfile does not exist",
            "the azure-function build makes no not-built",
            "terraform/nowhere does not exist")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
    assertFalse(all.contains("infra/worker/Dockerfile"), all);
  }
}
