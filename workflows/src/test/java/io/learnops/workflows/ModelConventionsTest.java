package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TimeDuration;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The rules every committed model follows, so that Modeler, the engine and the workers agree. */
class ModelConventionsTest {

  static final List<String> PROCESSES = Models.PROCESSES;
  private static final Set<String> GROUPS = Set.of("ld-owner", "instructional-designer", "ld-manager",
      "business-sponsor", "finance", "compliance", "ld-ops", "manager", "ld-analyst");
  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void the_folder_holds_one_bpmn_file_per_process() {
    assertThat(Models.files(".bpmn")).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(PROCESSES.stream().map(id -> id + ".bpmn").toList());
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void parses_and_validates_with_the_zeebe_model(String id) {
    BpmnModelInstance model = Models.process(id);

    Bpmn.validateModel(model);

    assertThat(model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class))
        .singleElement().satisfies(p -> {
          assertThat(p.getId()).isEqualTo(id);
          assertThat(p.isExecutable()).isTrue();
          assertThat(p.getDocumentations()).isNotEmpty();
        });
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void targets_camunda_8_8_in_modeler(String id) {
    Definitions definitions = Models.process(id).getDefinitions();

    assertThat(definitions.getAttributeValueNs(MODELER_NS, "executionPlatform")).isEqualTo("Camunda Cloud");
    assertThat(definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion")).isEqualTo("8.8.0");
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void every_flow_element_has_a_shape_or_an_edge(String id) {
    BpmnModelInstance model = Models.process(id);
    Set<String> shapes = ids(model.getModelElementsByType(BpmnShape.class), s -> s.getBpmnElement().getId());
    Set<String> edges = ids(model.getModelElementsByType(BpmnEdge.class), e -> e.getBpmnElement().getId());

    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof FlowNode) {
        assertThat(shapes).as("shape of %s", element.getId()).contains(element.getId());
      } else if (element instanceof SequenceFlow) {
        assertThat(edges).as("edge of %s", element.getId()).contains(element.getId());
      }
    }
    assertThat(model.getModelElementsByType(BpmnEdge.class))
        .allSatisfy(e -> assertThat(e.getWaypoints()).hasSizeGreaterThanOrEqualTo(2));
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void shapes_do_not_overlap_unless_nested_or_attached(String id) {
    BpmnModelInstance model = Models.process(id);
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent)).toList();

    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (contains(a.getBounds(), b.getBounds()) || contains(b.getBounds(), a.getBounds())) {
          continue;
        }
        assertThat(overlap(a.getBounds(), b.getBounds()))
            .as("%s overlaps %s", a.getBpmnElement().getId(), b.getBpmnElement().getId()).isFalse();
      }
    }
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void sequence_flows_do_not_cross_other_elements(String id) {
    BpmnModelInstance model = Models.process(id);
    List<BpmnShape> obstacles = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof SubProcess)).toList();

    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
      var points = List.copyOf(edge.getWaypoints());
      for (BpmnShape shape : obstacles) {
        var element = shape.getBpmnElement();
        boolean own = element == flow.getSource() || element == flow.getTarget()
            || (flow.getSource() instanceof BoundaryEvent b && b.getAttachedTo() == element);
        for (int i = 0; !own && i + 1 < points.size(); i++) {
          Bounds b = shape.getBounds();
          double x1 = Math.min(points.get(i).getX(), points.get(i + 1).getX());
          double x2 = Math.max(points.get(i).getX(), points.get(i + 1).getX());
          double y1 = Math.min(points.get(i).getY(), points.get(i + 1).getY());
          double y2 = Math.max(points.get(i).getY(), points.get(i + 1).getY());
          boolean crosses = x1 < b.getX() + b.getWidth() - 2 && x2 > b.getX() + 2
              && y1 < b.getY() + b.getHeight() - 2 && y2 > b.getY() + 2;
          assertThat(crosses).as("%s crosses %s", flow.getId(), element.getId()).isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void tasks_gateways_and_events_are_documented(String id) {
    BpmnModelInstance model = Models.process(id);

    assertThat(model.getModelElementsByType(FlowNode.class))
        .filteredOn(n -> n instanceof Task || n instanceof Gateway || n instanceof Event || n instanceof SubProcess
            || n instanceof CallActivity)
        .allSatisfy(n -> assertThat(n.getDocumentations()).as("documentation of %s", n.getId())
            .anySatisfy(d -> assertThat(d.getTextContent()).isNotBlank()));
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void job_types_are_named_after_their_stage(String id) {
    String stage = id.equals("learning-program") ? "program" : id;

    assertThat(jobTypes(Models.process(id)))
        .allSatisfy(type -> assertThat(type).matches("learnops\\." + stage + "\\.[a-z0-9]+(-[a-z0-9]+)*"));
  }

  @Test
  void every_job_type_has_exactly_one_element_template_and_every_template_is_used() throws IOException {
    Map<String, List<String>> templatesByType = new HashMap<>();
    for (Path file : Models.templates()) {
      templatesByType.computeIfAbsent(templateType(read(file)), t -> new ArrayList<>()).add(file.getFileName().toString());
    }
    Set<String> used = new TreeSet<>();
    PROCESSES.forEach(id -> used.addAll(jobTypes(Models.process(id))));

    assertThat(templatesByType.keySet()).containsExactlyInAnyOrderElementsOf(used);
    assertThat(templatesByType).allSatisfy((type, files) -> assertThat(files).as(type).hasSize(1));
  }

  @Test
  void element_templates_follow_the_camunda_8_schema_and_match_the_tasks_that_use_them() throws IOException {
    Map<String, JsonNode> templatesById = new HashMap<>();
    for (Path file : Models.templates()) {
      JsonNode template = read(file);
      assertThat(template.path("$schema").asText())
          .isEqualTo("https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json");
      assertThat(template.path("appliesTo")).extracting(JsonNode::asText).containsExactly("bpmn:ServiceTask");
      assertThat(template.path("version").isInt()).as("version of %s", file).isTrue();
      assertThat(template.path("name").asText()).isNotBlank();
      templatesById.put(template.path("id").asText(), template);
    }

    for (String id : PROCESSES) {
      for (ServiceTask task : Models.process(id).getModelElementsByType(ServiceTask.class)) {
        JsonNode template = templatesById.get(task.getAttributeValueNs(ZEEBE_NS, "modelerTemplate"));
        assertThat(template).as("template of %s", task.getId()).isNotNull();
        assertThat(templateType(template)).isEqualTo(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType());
        var mapping = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class);
        assertThat(inputNames(template)).as("inputs of %s", task.getId()).containsExactlyInAnyOrderElementsOf(
            mapping == null ? List.of() : mapping.getInputs().stream().map(i -> i.getTarget()).toList());
        assertThat(outputs(template)).as("outputs of %s", task.getId()).containsExactlyInAnyOrderElementsOf(
            mapping == null ? List.of() : mapping.getOutputs().stream().map(o -> o.getSource() + "->" + o.getTarget()).toList());
      }
    }
  }

  @Test
  void every_form_id_has_a_form_file_with_that_id() throws IOException {
    Set<String> formIds = new TreeSet<>();
    PROCESSES.forEach(id -> Models.process(id).getModelElementsByType(ZeebeFormDefinition.class)
        .forEach(f -> formIds.add(f.getFormId())));
    Set<String> formFiles = new TreeSet<>();
    for (Path file : Models.files(".form")) {
      JsonNode form = read(file);
      assertThat(file.getFileName().toString()).isEqualTo(form.path("id").asText() + ".form");
      assertThat(form.path("components").isArray()).isTrue();
      assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
      formFiles.add(form.path("id").asText());
    }

    assertThat(formFiles).containsExactlyInAnyOrderElementsOf(formIds);
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void user_tasks_are_native_with_candidate_groups_due_dates_priorities_and_timing_listeners(String id) {
    Collection<UserTask> tasks = Models.process(id).getModelElementsByType(UserTask.class);

    assertThat(tasks).allSatisfy(task -> {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("zeebe:userTask on %s", task.getId()).isNotNull();
      assertThat(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()).isNotBlank();
      String groups = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups();
      assertThat(groups.startsWith("=") || GROUPS.containsAll(List.of(groups.split(","))))
          .as("candidate groups %s of %s", groups, task.getId()).isTrue();
      assertThat(task.getSingleExtensionElement(ZeebeTaskSchedule.class).getDueDate()).startsWith("=now() + duration(");
      assertThat(task.getSingleExtensionElement(ZeebePriorityDefinition.class).getPriority()).isNotBlank();
      assertThat(task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners.class)
          .getTaskListeners())
          .extracting(l -> l.getEventType().name() + ":" + l.getType())
          .containsExactly("assigning:learnops.task.event", "completing:learnops.task.event");
    });
  }

  @Test
  void review_runs_approvals_as_a_multi_instance_with_reminder_and_escalation_timers() {
    BpmnModelInstance review = Models.process("review");
    SubProcess approvals = review.getModelElementById("Approvals");

    assertThat(approvals.getLoopCharacteristics()).isNotNull();
    assertThat(review.getModelElementsByType(BoundaryEvent.class))
        .filteredOn(b -> b.getAttachedTo().getId().equals("Approve"))
        .extracting(BoundaryEvent::cancelActivity).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void stages_are_call_activities_with_explicit_outputs_and_stage_listeners() {
    Collection<CallActivity> stages = Models.process("learning-program").getModelElementsByType(CallActivity.class);

    assertThat(stages).extracting(s -> s.getSingleExtensionElement(ZeebeCalledElement.class).getProcessId())
        .containsExactlyInAnyOrder("intake", "design", "review", "delivery", "evaluation");
    assertThat(stages).allSatisfy(stage -> {
      assertThat(stage.getSingleExtensionElement(ZeebeCalledElement.class).isPropagateAllChildVariablesEnabled()).isFalse();
      assertThat(stage.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class).getOutputs())
          .isNotEmpty();
      assertThat(stage.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners.class)
          .getExecutionListeners())
          .extracting(l -> l.getEventType().name() + ":" + l.getType())
          .containsExactly("start:learnops.stage.entered", "end:learnops.stage.left");
    });
  }

  @Test
  void every_called_process_and_decision_exists() throws Exception {
    Set<String> processes = new HashSet<>(PROCESSES);
    Set<String> decisions = decisionIds();
    for (String id : PROCESSES) {
      BpmnModelInstance model = Models.process(id);
      assertThat(model.getModelElementsByType(ZeebeCalledElement.class))
          .allSatisfy(c -> assertThat(processes).contains(c.getProcessId()));
      assertThat(model.getModelElementsByType(ZeebeCalledDecision.class))
          .allSatisfy(c -> assertThat(decisions).contains(c.getDecisionId()));
    }
    assertThat(decisions).contains("intake-triage", "review-approvers", "program-decision");
  }

  @ParameterizedTest
  @FieldSource("PROCESSES")
  void timers_read_their_durations_from_sla_variables(String id) {
    assertThat(Models.process(id).getModelElementsByType(TimeDuration.class))
        .allSatisfy(d -> assertThat(d.getTextContent()).startsWith("="));
  }

  private static Set<String> decisionIds() throws Exception {
    Set<String> ids = new TreeSet<>();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Path file : Models.files(".dmn")) {
      NodeList nodes = factory.newDocumentBuilder().parse(file.toFile())
          .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/MODEL/", "decision");
      for (int i = 0; i < nodes.getLength(); i++) {
        ids.add(((Element) nodes.item(i)).getAttribute("id"));
      }
    }
    return ids;
  }

  private static Set<String> jobTypes(BpmnModelInstance model) {
    return ids(model.getModelElementsByType(ZeebeTaskDefinition.class), ZeebeTaskDefinition::getType);
  }

  private static <T> Set<String> ids(Collection<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.toCollection(TreeSet::new));
  }

  private JsonNode read(Path file) throws IOException {
    return json.readTree(Files.readString(file));
  }

  private static String templateType(JsonNode template) {
    return properties(template)
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:taskDefinition")
            && p.path("binding").path("property").asText().equals("type"))
        .map(p -> p.path("value").asText()).findFirst().orElseThrow();
  }

  private static List<String> inputNames(JsonNode template) {
    return properties(template).filter(p -> p.path("binding").path("type").asText().equals("zeebe:input"))
        .map(p -> p.path("binding").path("name").asText()).toList();
  }

  private static List<String> outputs(JsonNode template) {
    return properties(template).filter(p -> p.path("binding").path("type").asText().equals("zeebe:output"))
        .map(p -> p.path("binding").path("source").asText() + "->" + p.path("value").asText()).toList();
  }

  private static Stream<JsonNode> properties(JsonNode template) {
    List<JsonNode> properties = new ArrayList<>();
    template.path("properties").forEach(properties::add);
    return properties.stream();
  }

  private static boolean contains(Bounds outer, Bounds inner) {
    return outer.getX() <= inner.getX() && outer.getY() <= inner.getY()
        && outer.getX() + outer.getWidth() >= inner.getX() + inner.getWidth()
        && outer.getY() + outer.getHeight() >= inner.getY() + inner.getHeight();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
