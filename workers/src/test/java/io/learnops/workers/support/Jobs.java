package io.learnops.workers.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.util.Map;

/** An activated job as a worker method sees it, for calling workers directly. */
public final class Jobs {

  private Jobs() {
  }

  public static ActivatedJob job(int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getRetries()).thenReturn(retries);
    when(job.getKey()).thenReturn(4711L);
    return job;
  }

  public static ActivatedJob job() {
    return job(3);
  }

  /** The variables a BPMN error carries, as the starter sends them. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> variables(BpmnError error) {
    return (Map<String, Object>) error.getVariables();
  }
}
