package io.learnops.bench;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * Our {@link BenchProcess} shapes in Operaton's dialect: the same ids, and external tasks whose
 * topic is our job type, so one external-task worker serves a whole process as one job worker does
 * on our engine.
 */
final class OperatonProcess {

  // Operaton refuses deployments without a history time to live (enforceHistoryTimeToLive)
  private static final int HISTORY_TIME_TO_LIVE_DAYS = 1;

  private OperatonProcess() {}

  static BpmnModelInstance model(BenchProcess process) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(process.processId())
        .operatonHistoryTimeToLive(HISTORY_TIME_TO_LIVE_DAYS)
        .startEvent("start");
    for (int i = 1; i <= process.tasks(); i++) {
      flow = flow.serviceTask(BenchProcess.taskId(i)).operatonExternalTask(process.jobType());
    }
    return flow.endEvent("end").done();
  }
}
