package io.learnops.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The LearnOps application: program intake and registry on top of a Camunda 8.8 gateway.
 * Scheduling runs the app's periodic checks (the cohort completion watch).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LearnOpsApplication {

  public static void main(String[] args) {
    SpringApplication.run(LearnOpsApplication.class, args);
  }
}
