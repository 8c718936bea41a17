package io.learnops.workers.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.exception.BpmnError;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResolveAudienceWorkerTest {

  @RegisterExtension
  static WireMockExtension hris =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ResolveAudienceWorker worker;

  @BeforeEach
  void setUp() {
    worker = new ResolveAudienceWorker(TestConnectors.scim(hris.baseUrl()),
        TestConnectors.properties(hris.baseUrl()));
  }

  static String users(String... emails) {
    StringBuilder resources = new StringBuilder();
    for (int i = 0; i < emails.length; i++) {
      resources.append(i == 0 ? "" : ",").append("{\"id\":\"id").append(i)
          .append("\",\"userName\":\"user").append(i).append("\",\"displayName\":\"Ada L\",")
          .append("\"active\":true")
          .append(emails[i] == null ? "" : ",\"emails\":[{\"value\":\"" + emails[i] + "\"}]")
          .append("}");
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
        + "\"totalResults\":" + emails.length + ",\"itemsPerPage\":" + emails.length
        + ",\"startIndex\":1,\"Resources\":[" + resources + "]}";
  }

  @Test
  void splits_the_active_employees_with_an_email_into_batches() {
    // given five employees of the department, one without e-mail
    hris.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
        .willReturn(okJson(users("a@x.org", "b@x.org", null, "c@x.org", "d@x.org"))));

    // when
    var result = worker.resolveAudience(Jobs.job(), "P-1", "department eq \"Support\"", 3);

    // then
    assertThat(result.audienceBatches())
        .containsExactly(List.of("a@x.org", "b@x.org", "c@x.org"), List.of("d@x.org"));
    assertThat(result.audienceSize()).isEqualTo(4);
    hris.verify(getRequestedFor(urlPathEqualTo("/scim/v2/Users")).withQueryParam("filter",
        equalTo("(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "
            + "\"Support\") and (active eq true)")));
  }

  @Test
  void nobody_matching_is_audience_empty() {
    hris.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okJson(users())));

    assertThatThrownBy(() -> worker.resolveAudience(Jobs.job(), "P-1", "department eq \"X\"", 100))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("AUDIENCE_EMPTY");
          assertThat(Jobs.variables(error)).containsKey("audienceError");
        });
  }

  @Test
  void criteria_that_cannot_be_read_are_audience_empty_without_asking_the_hris() {
    assertThatThrownBy(() -> worker.resolveAudience(Jobs.job(), "P-1",
        "department eq \"X\" or userName pr", 100))
        .isInstanceOfSatisfying(BpmnError.class,
            error -> assertThat(error.getErrorCode()).isEqualTo("AUDIENCE_EMPTY"));
    assertThatThrownBy(() -> worker.resolveAudience(Jobs.job(), "P-1", "salary eq \"1\"", 100))
        .isInstanceOfSatisfying(BpmnError.class,
            error -> assertThat(error.getMessage()).contains("unknown attribute 'salary'"));
    hris.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void criteria_values_are_quoted_by_the_filter_builder() {
    var parsed = AudienceCriteria.parse(Map.of("costCenter", "4711\" or userName pr \""));

    assertThat(parsed.filter().orElseThrow().expression()).isEqualTo(
        "(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter eq "
            + "\"4711\\\" or userName pr \\\"\") and (active eq true)");
  }

  @Test
  void batches_cover_every_learner_once() {
    assertThat(ResolveAudienceWorker.batches(List.of("a", "b", "c", "d"), 2))
        .containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(ResolveAudienceWorker.batches(List.of("a"), 100)).containsExactly(List.of("a"));
  }
}
