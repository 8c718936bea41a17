package io.learnops.engine.testkit;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Camunda's {@code @CamundaSpringProcessTest} against an in-process LearnOps engine: put it next
 * to {@code @SpringBootTest}; {@code CamundaClient} and {@code CamundaProcessTestContext} are
 * beans, {@code @JobWorker}s of the application run against the engine, and {@code CamundaAssert}
 * works. Needs {@code io.camunda:camunda-process-test-spring} on the test classpath.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@CamundaSpringProcessTest
@ContextConfiguration(initializers = LearnOpsEngineInitializer.class)
public @interface LearnOpsSpringProcessTest {}
