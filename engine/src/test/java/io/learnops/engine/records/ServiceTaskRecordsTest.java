package io.learnops.engine.records;

import static io.learnops.engine.record.Intent.JobIntent.COMPLETED;
import static io.learnops.engine.record.Intent.JobIntent.CREATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATING;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETING;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.record.Intent.VariableIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.JobValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.RecordValue.VariableValue;
import io.learnops.engine.record.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a service task writes to the record stream, in Zeebe's order, without any network. */
class ServiceTaskRecordsTest {

  @RegisterExtension final EngineHarness engine = new EngineHarness();

  @Test
  void aServiceTaskActivatesCreatesItsJobAndCompletesWithIt() {
    engine.deploy(Bpmn.createExecutableProcess("enrol").startEvent("requested")
        .serviceTask("enrolLearners", t -> t.zeebeJobType("enrol")).endEvent("enrolled").done());
    final long instance = engine.create("enrol", Map.of("cohort", "c-1"));

    engine.completeJob("enrol", Map.of("enrolled", 12));

    assertThat(engine.intentsOf(r -> isElement(r, instance, "enrolLearners") || r.valueType() == ValueType.JOB))
        .containsExactly(ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, CREATED, JobIntent.ACTIVATED, COMPLETED,
            ELEMENT_COMPLETING, ELEMENT_COMPLETED);
    assertThat(engine.intentsOf(r -> r.key() == instance && r.valueType() == ValueType.PROCESS_INSTANCE))
        .containsExactly(ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, ELEMENT_COMPLETING, ELEMENT_COMPLETED);
    assertThat(engine.records().processInstanceRecords()
        .filter(r -> r.intent() == SEQUENCE_FLOW_TAKEN && r.value().processInstanceKey() == instance))
        .extracting(r -> r.value().bpmnElementType(), r -> r.value().flowScopeKey())
        .containsOnly(tuple(ElementType.SEQUENCE_FLOW, instance))
        .hasSize(2);
  }

  @Test
  void theJobRecordCarriesWhatAWorkerAndAnExporterNeed() {
    engine.deploy(Bpmn.createExecutableProcess("notify").startEvent()
        .serviceTask("notifySponsor", t -> t.zeebeJobType("notify").zeebeJobRetries("5")
            .zeebeTaskHeader("channel", "mail"))
        .endEvent().done());
    final long instance = engine.create("notify", Map.of());

    final Record<JobValue> created = engine.records().ofType(ValueType.JOB, JobValue.class)
        .filter(r -> r.intent() == CREATED).findFirst().orElseThrow();
    assertThat(created.value().type()).isEqualTo("notify");
    assertThat(created.value().retries()).isEqualTo(5);
    assertThat(created.value().customHeaders()).containsEntry("channel", "mail");
    assertThat(created.value().processInstanceKey()).isEqualTo(instance);
    assertThat(created.value().elementId()).isEqualTo("notifySponsor");
    assertThat(created.value().bpmnProcessId()).isEqualTo("notify");
  }

  @Test
  void variablesAreWrittenAsRecordsOfTheirScope() {
    engine.deploy(Bpmn.createExecutableProcess("vars").startEvent()
        .serviceTask("score", t -> t.zeebeJobType("score")).endEvent().done());
    final long instance = engine.create("vars", Map.of("audience", 40));

    final Map<String, Object> scored = new LinkedHashMap<>();
    scored.put("audience", 42);
    scored.put("tier", 1);
    engine.completeJob("score", scored);

    assertThat(engine.records().ofType(ValueType.VARIABLE, VariableValue.class))
        .extracting(Record::intent, r -> r.value().name(), r -> r.value().value(), r -> r.value().scopeKey())
        .containsExactly(
            tuple(VariableIntent.CREATED, "audience", 40, instance),
            tuple(VariableIntent.UPDATED, "audience", 42, instance),
            tuple(VariableIntent.CREATED, "tier", 1, instance));
  }

  @Test
  void positionsRiseWithoutGapsAndARejectedCommandWritesNothing() {
    engine.deploy(Bpmn.createExecutableProcess("p").startEvent().endEvent().done());
    engine.create("p", Map.of());
    final List<Record<?>> before = engine.records().records();

    assertThatThrownBy(() -> engine.api().cancelProcessInstance(123L).join()).hasMessageContaining("123");
    engine.create("p", Map.of());

    final List<Long> positions = engine.records().stream().map(Record::position).toList();
    assertThat(positions).startsWith(1L).isSorted().doesNotHaveDuplicates();
    assertThat(positions.get(positions.size() - 1)).isEqualTo(positions.size());
    assertThat(engine.records().records().subList(0, before.size())).isEqualTo(before);
  }

  private static boolean isElement(Record<?> record, long instance, String elementId) {
    return record.value() instanceof ProcessInstanceValue element && element.processInstanceKey() == instance
        && elementId.equals(element.elementId()) && record.intent() != SEQUENCE_FLOW_TAKEN;
  }
}
