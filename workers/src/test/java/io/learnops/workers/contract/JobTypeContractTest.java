package io.learnops.workers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The workers against the process models in {@code workflows/}: one {@code @JobWorker} per job
 * type the models use (service tasks and task listeners; the stage listeners are the app's), each
 * fetching the inputs its tasks map and completing with exactly the variables their output
 * mappings read.
 */
class JobTypeContractTest {

  private static final Path WORKFLOWS = Path.of("..", "workflows");
  private static final Set<String> APP_LISTENERS =
      Set.of("learnops.stage.entered", "learnops.stage.left", "learnops.program.completed");

  private static final Map<String, Set<String>> INPUTS = new TreeMap<>();
  private static final Map<String, Set<String>> OUTPUTS = new TreeMap<>();
  private static final Set<String> LISTENER_TYPES = new TreeSet<>();
  private static Map<String, Method> workers;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(WORKFLOWS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
          String type = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
          ZeebeIoMapping io = task.getSingleExtensionElement(ZeebeIoMapping.class);
          Set<String> inputs = INPUTS.computeIfAbsent(type, t -> new TreeSet<>());
          Set<String> outputs = OUTPUTS.computeIfAbsent(type, t -> new TreeSet<>());
          if (io != null) {
            io.getInputs().stream().map(ZeebeInput::getTarget).forEach(inputs::add);
            io.getOutputs().stream().map(ZeebeOutput::getSource)
                .map(source -> source.substring(1).trim()).forEach(outputs::add);
          }
        }
        model.getModelElementsByType(ZeebeTaskListener.class)
            .forEach(listener -> LISTENER_TYPES.add(listener.getType()));
      }
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    workers = new TreeMap<>();
    for (var candidate : scanner.findCandidateComponents("io.learnops.workers")) {
      try {
        for (Method method : Class.forName(candidate.getBeanClassName()).getMethods()) {
          JobWorker annotation = method.getAnnotation(JobWorker.class);
          if (annotation != null) {
            assertThat(workers.put(annotation.type(), method)).as(annotation.type()).isNull();
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void every_job_type_of_the_models_has_exactly_one_worker_and_no_worker_is_unused() {
    Set<String> expected = new TreeSet<>(INPUTS.keySet());
    LISTENER_TYPES.stream().filter(type -> !APP_LISTENERS.contains(type)).forEach(expected::add);

    assertThat(INPUTS).hasSizeGreaterThanOrEqualTo(25);
    assertThat(workers.keySet()).containsExactlyElementsOf(expected);
  }

  @Test
  void each_worker_fetches_the_inputs_its_tasks_map() {
    INPUTS.forEach((type, inputs) -> assertThat(fetched(type)).as(type).containsAll(inputs));
  }

  @Test
  void each_worker_completes_with_exactly_the_variables_the_output_mappings_read() {
    OUTPUTS.forEach((type, outputs) -> assertThat(returned(type)).as(type)
        .containsExactlyInAnyOrderElementsOf(outputs));
  }

  private static Set<String> fetched(String type) {
    return new TreeSet<>(Arrays.asList(workers.get(type).getAnnotation(JobWorker.class)
        .fetchVariables()));
  }

  private static List<String> returned(String type) {
    Class<?> result = workers.get(type).getReturnType();
    if (result == void.class) {
      return List.of();
    }
    assertThat(result.isRecord()).as(type + " returns a record").isTrue();
    return Arrays.stream(result.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toList());
  }
}
