package io.learnops.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The LearnOps application: program intake and registry on top of a Camunda 8.8 gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LearnOpsApplication {

  public static void main(String[] args) {
    SpringApplication.run(LearnOpsApplication.class, args);
  }
}
