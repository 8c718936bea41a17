package io.learnops.engine.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Camunda's {@code @CamundaProcessTest}, against the LearnOps engine instead of a Docker
 * container: one in-process engine per test class (free ports, controllable clock, in memory),
 * with Camunda Process Test wired to it in REMOTE mode.
 *
 * <pre>{@code
 * @LearnOpsProcessTest
 * class EnrolmentProcessTest {
 *   private CamundaClient client;                 // injected before each test
 *   private CamundaProcessTestContext processTestContext;
 *
 *   @Test
 *   void enrols() {
 *     processTestContext.mockJobWorker("enrol").thenComplete(Map.of("enrolled", true));
 *     ProcessInstanceEvent instance = client.newCreateInstanceCommand()...send().join();
 *     CamundaAssert.assertThat(instance).isCompleted().hasVariable("enrolled", true);
 *   }
 * }
 * }</pre>
 *
 * As with CPT, the engine is purged and its clock reset after each test. Use
 * {@link LearnOpsProcessTestExtension} with {@code @RegisterExtension} to configure more.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(LearnOpsProcessTestExtension.class)
public @interface LearnOpsProcessTest {}
