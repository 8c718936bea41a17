package io.learnops.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class ModelDeployerTest {

  @Test
  void theDefaultLocationFindsTheLifecycleModelsOfTheWorkflowsModule() {
    // given the default location, the workflows jar and the test models on the classpath
    final ModelProperties properties = new ModelProperties(true, List.of(ModelProperties.EVERY_MODEL));
    final ModelDeployer deployer = new ModelDeployer(null, new PathMatchingResourcePatternResolver(), properties);

    // when the models are looked up
    // then the lifecycle's processes, decisions and forms are found by name, and nothing else
    assertThat(deployer.findModels().keySet())
        .contains("learning-program.bpmn", "intake.bpmn", "review-approvers.dmn", "program-approval.form")
        .doesNotContain("test-stage.bpmn")
        .allMatch(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"));
  }
}
