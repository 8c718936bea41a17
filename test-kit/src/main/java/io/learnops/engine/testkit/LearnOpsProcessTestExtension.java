package io.learnops.engine.testkit;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.CamundaProcessTestRuntimeMode;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Camunda Process Test's own JUnit extension, in REMOTE mode, against an in-process LearnOps
 * engine that it starts per test class: free ports, a controllable clock ({@code increaseTime}),
 * no data directory. Everything else is CPT's: field injection of {@link CamundaClient} and
 * {@link CamundaProcessTestContext}, {@code CamundaAssert}, job worker mocks, the purge and clock
 * reset after each test, the result printout of a failed test and the coverage report. On top,
 * both types can be test method parameters.
 *
 * <p>Use it through {@link LearnOpsProcessTest}, or register it to configure CPT further:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LearnOpsProcessTestExtension EXTENSION =
 *     new LearnOpsProcessTestExtension().withCoverageReportDirectory("target/process-coverage");
 * }</pre>
 */
public class LearnOpsProcessTestExtension extends CamundaProcessTestExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(LearnOpsProcessTestExtension.class);

  /** the top-level test class whose engine runs; {@code @Nested} classes share it */
  private Class<?> engineOwner;

  public LearnOpsProcessTestExtension() {
    withRuntimeMode(CamundaProcessTestRuntimeMode.REMOTE);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (engineOwner != null) {
      return; // a @Nested class: its enclosing class's engine and CPT runtime serve it
    }
    engineOwner = context.getRequiredTestClass();
    final Engine engine = startEngine();
    // closed after afterAll, also when CPT fails to start
    context.getStore(NAMESPACE).put(Engine.class, (CloseableResource) engine::close);
    withRemoteCamundaClientBuilderFactory(() -> CamundaClient.newClientBuilder()
        .grpcAddress(localhost(engine.grpcPort()))
        .restAddress(localhost(engine.restPort())));
    withRemoteCamundaMonitoringApiAddress(localhost(engine.managementPort()));
    super.beforeAll(asCamundaProcessTest(context));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (context.getRequiredTestClass() != engineOwner) {
      return;
    }
    engineOwner = null; // a static extension in a base class serves the next test class afresh
    super.afterAll(asCamundaProcessTest(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    final Class<?> type = parameter.getParameter().getType();
    return type == CamundaClient.class || type == CamundaProcessTestContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    final CamundaProcessTestContext processTestContext = context.getStore(CamundaProcessTestExtension.NAMESPACE)
        .get(CamundaProcessTestExtension.STORE_KEY_CONTEXT, CamundaProcessTestContext.class);
    // CPT closes the clients it created after each test
    return parameter.getParameter().getType() == CamundaClient.class
        ? processTestContext.createClient()
        : processTestContext;
  }

  private static Engine startEngine() {
    try {
      return Engine.start(EngineConfig.forTests().withClockControlled(true));
    } catch (IOException e) {
      throw new IllegalStateException("The LearnOps engine for the process test could not start", e);
    }
  }

  private static URI localhost(int port) {
    return URI.create("http://localhost:" + port);
  }

  /**
   * CPT's extension acts only for a test class annotated with {@code @CamundaProcessTest} (or with a
   * field of its type). That annotation would also register CPT's default, Docker-based extension,
   * so the test class is presented to CPT's check as if it carried the annotation; every other
   * call goes to JUnit's context unchanged.
   */
  private static ExtensionContext asCamundaProcessTest(ExtensionContext context) {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("getTestClass") && method.getParameterCount() == 0) {
            return Optional.of(AnnotatedForCamundaProcessTest.class);
          }
          try {
            return method.invoke(context, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @CamundaProcessTest
  private static final class AnnotatedForCamundaProcessTest {}
}
