package io.learnops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.sandbox.moodle.MoodleController;
import io.learnops.sandbox.org.DemoOrganisation;
import io.learnops.sandbox.scim.ScimController;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class SandboxAutoConfigurationTest {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
          SandboxAutoConfiguration.class));

  @Test
  void off_unless_enabled() {
    runner.run(context -> assertThat(context).doesNotHaveBean(MoodleController.class)
        .doesNotHaveBean(DemoOrganisation.class));
    runner.withPropertyValues("learnops.sandbox.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ScimController.class));
  }

  /** An app whose component scan covers the sandbox's packages. */
  @Configuration(proxyBeanMethods = false)
  @ComponentScan("io.learnops.sandbox.moodle")
  static class ScanningEverything {
  }

  @Test
  void a_component_scan_over_the_sandbox_does_not_switch_it_on() {
    runner.withUserConfiguration(ScanningEverything.class)
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(MoodleController.class));
  }

  @Test
  void a_component_scan_over_the_enabled_sandbox_registers_each_controller_once() {
    runner.withUserConfiguration(ScanningEverything.class)
        .withPropertyValues("learnops.sandbox.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(MoodleController.class));
  }

  @Test
  void enabled_it_serves_the_stand_ins_with_the_configured_organisation() {
    runner.withPropertyValues("learnops.sandbox.enabled=true", "learnops.sandbox.employees=120",
            "learnops.sandbox.email-domain=demo.example")
        .run(context -> {
          assertThat(context).hasSingleBean(MoodleController.class)
              .hasSingleBean(ScimController.class);
          DemoOrganisation organisation = context.getBean(DemoOrganisation.class);
          assertThat(organisation.employees()).hasSize(120)
              .allMatch(e -> e.email().endsWith("@demo.example"));
        });
  }
}
