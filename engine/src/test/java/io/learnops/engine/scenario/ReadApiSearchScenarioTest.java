package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.request.ProcessInstanceSearchRequest;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Filters, sorting and paging as the 8.8 client writes them, and the 400/404 problems a bad read
 * gets. Five instances of one process start an hour apart; the third is cancelled.
 */
class ReadApiSearchScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static CamundaClient client;
  private static final List<Long> instances = new ArrayList<>();
  private static OffsetDateTime firstStart;

  @BeforeAll
  static void startFiveInstancesAnHourApart() {
    client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST, Bpmn.createExecutableProcess("search-course").startEvent()
        .serviceTask("teach", t -> t.zeebeJobType("search-teach")).endEvent().done());
    firstStart = OffsetDateTime.ofInstant(Instant.ofEpochMilli(ENGINE.engine().clock().millis()), ZoneOffset.UTC);
    for (int i = 0; i < 5; i++) {
      instances.add(client.newCreateInstanceCommand().bpmnProcessId("search-course").latestVersion()
          .variables(Map.of("learner", "learner-" + i, "score", i * 10)).send().join().getProcessInstanceKey());
      ENGINE.advanceClock(Duration.ofHours(1));
    }
    client.newCancelInstanceCommand(instances.get(2)).send().join();
  }

  @Test
  void plainAndAdvancedFiltersNarrowTheResult() {
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(p -> p.like("search-*")).state(ProcessInstanceState.TERMINATED))))
        .containsExactly(instances.get(2));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(k -> k.in(instances.get(0), instances.get(4))))))
        .containsExactly(instances.get(0), instances.get(4));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course").state(s -> s.neq(ProcessInstanceState.ACTIVE)))))
        .containsExactly(instances.get(2));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course").endDate(d -> d.exists(false)))))
        .hasSize(4).doesNotContain(instances.get(2));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(p -> p.like("search-cours?")).processDefinitionVersion(v -> v.gte(1)))))
        .hasSize(5);
  }

  @Test
  void aDateRangeSelectsTheInstancesStartedWithinIt() {
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course")
            .startDate(d -> d.gte(firstStart.plusHours(1)).lt(firstStart.plusHours(3))))))
        .containsExactly(instances.get(1), instances.get(2));
  }

  @Test
  void variableValueFiltersMatchTheJsonValue() {
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.variables(Map.of("learner", "\"learner-3\"")))))
        .containsExactly(instances.get(3));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.variables(List.of(v -> v.name("score").value(s -> s.in("30", "40")))))))
        .containsExactly(instances.get(3), instances.get(4));
  }

  @Test
  void sortingOrdersByTheGivenFieldsThenByKey() {
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course"))
        .sort(s -> s.startDate().desc())))
        .containsExactly(instances.get(4), instances.get(3), instances.get(2), instances.get(1), instances.get(0));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course"))
        .sort(s -> s.state().asc())))
        .first().isEqualTo(instances.get(0));
  }

  @Test
  void cursorsPageForwardAndBack() {
    // given
    final SearchResponse<ProcessInstance> first = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course")).page(p -> p.limit(2)).send().join();

    // when
    final SearchResponse<ProcessInstance> second = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course")).page(p -> p.limit(2).after(first.page().endCursor()))
        .send().join();
    final SearchResponse<ProcessInstance> backAgain = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course")).page(p -> p.limit(2).before(second.page().startCursor()))
        .send().join();

    // then
    assertThat(first.page().totalItems()).isEqualTo(5);
    assertThat(first.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactlyElementsOf(instances.subList(0, 2));
    assertThat(second.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactlyElementsOf(instances.subList(2, 4));
    assertThat(backAgain.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactlyElementsOf(instances.subList(0, 2));
    assertThat(keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("search-course")).page(p -> p.from(4).limit(10))))
        .containsExactly(instances.get(4));
  }

  @Test
  void anUnknownKeyIsA404NamingIt() {
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(2251799813999999L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> {
          assertThat(((ProblemException) e).code()).isEqualTo(404);
          assertThat(((ProblemException) e).details().getDetail()).contains("2251799813999999");
        });
  }

  @Test
  void anUnknownFilterFieldOrOperatorIsA400NamingIt() throws Exception {
    try (RawRequests raw = new RawRequests(ENGINE.engine(), Transport.REST)) {
      final RawRequests.Answer unknownField = raw.read("POST", "/v2/process-instances/search",
          "{\"filter\":{\"learnerName\":\"ada\"}}");
      final RawRequests.Answer unknownOperator = raw.read("POST", "/v2/process-instances/search",
          "{\"filter\":{\"processDefinitionId\":{\"$startsWith\":\"search\"}}}");
      final RawRequests.Answer unknownSort = raw.read("POST", "/v2/jobs/search",
          "{\"sort\":[{\"field\":\"priority\",\"order\":\"ASC\"}]}");

      assertThat(unknownField.status()).isEqualTo("400");
      assertThat(unknownField.contentType()).isEqualTo("application/problem+json");
      assertThat(unknownField.detail()).contains("'learnerName'");
      assertThat(unknownOperator.status()).isEqualTo("400");
      assertThat(unknownOperator.detail()).contains("'$startsWith'").contains("'processDefinitionId'");
      assertThat(unknownSort.status()).isEqualTo("400");
      assertThat(unknownSort.detail()).contains("'priority'");
    }
  }

  private static List<Long> keys(ProcessInstanceSearchRequest request) {
    return request.send().join().items().stream().map(ProcessInstance::getProcessInstanceKey).toList();
  }
}
