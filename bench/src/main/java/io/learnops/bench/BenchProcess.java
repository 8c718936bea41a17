package io.learnops.bench;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * A process of {@code tasks} service tasks in sequence, all of one job type, so one worker serves
 * the whole process and the job of the last task tells that the instance is about to complete.
 */
record BenchProcess(String processId, String jobType, int tasks) {

  static final BenchProcess ONE_TASK = new BenchProcess("bench-1-task", "bench-1-task", 1);
  static final BenchProcess TEN_TASKS = new BenchProcess("bench-10-tasks", "bench-10-tasks", 10);

  BpmnModelInstance model() {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(processId).startEvent("start");
    for (int i = 1; i <= tasks; i++) {
      flow = flow.serviceTask(taskId(i), t -> t.zeebeJobType(jobType));
    }
    return flow.endEvent("end").done();
  }

  String lastTaskId() {
    return taskId(tasks);
  }

  String resourceName() {
    return processId + ".bpmn";
  }

  static String taskId(int index) {
    return "task-" + index;
  }
}
