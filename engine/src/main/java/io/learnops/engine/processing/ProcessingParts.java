package io.learnops.engine.processing;

import io.learnops.engine.EngineClock;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.ProcessingFault;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.model.BpmnTransformer;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.EventAppliers;
import org.camunda.dmn.DmnEngine;

/**
 * The processing parts around one state: its appliers, the BPMN executor, the command processors
 * and the registry that hands each command type to its handler. Built anew whenever the state is
 * replaced (at start, and when a failed command is taken back); {@link Tools} are kept across.
 */
record ProcessingParts(EngineState state, EventAppliers appliers, BpmnExecutor executor, JobProcessor jobs,
    ClockProcessor clocks, CommandHandlers handlers) {

  /** What processing uses that holds no state of its own (caches aside) and so outlives a state. */
  record Tools(ExpressionLanguage feel, BpmnTransformer transformer, ProcessCache processes, DmnEngine dmn,
      Effects effects, EngineClock clock, ProcessingFault fault) {}

  static ProcessingParts around(EngineState state, Tools tools, Runnable purge) {
    final ProcessCache processes = tools.processes();
    processes.clear();
    final Decisions decisions = new Decisions(state, tools.dmn());
    final EventAppliers appliers = new EventAppliers(state, key -> processes.get(state.definition(key).orElseThrow()));
    final BpmnExecutor executor = new BpmnExecutor(state, tools.feel(), processes, decisions, tools.effects(),
        new RecordWriter(appliers, tools.effects(), state, tools.fault()));
    final DeploymentProcessor deployments =
        new DeploymentProcessor(state, tools.transformer(), processes, executor, decisions);
    final JobProcessor jobs = new JobProcessor(state, executor, tools.effects());
    final InstanceProcessor instances = new InstanceProcessor(state, processes, executor, jobs);
    final EventProcessor events = new EventProcessor(state, processes, executor);
    final UserTaskProcessor userTasks = new UserTaskProcessor(state, executor.userTasks());
    final DecisionProcessor standaloneDecisions = new DecisionProcessor(state, decisions, executor);
    final ClockProcessor clocks = new ClockProcessor(state, tools.clock(), executor);
    final CommandHandlers handlers = new CommandHandlers()
        .on(EngineCommand.Deploy.class, deployments::deploy)
        .on(EngineCommand.CreateInstance.class, instances::create)
        .onVoid(EngineCommand.CancelInstance.class, c -> instances.cancel(c.processInstanceKey()))
        .on(EngineCommand.SetVariables.class, instances::setVariables)
        .onVoid(EngineCommand.ResolveIncident.class, c -> instances.resolveIncident(c.incidentKey()))
        .on(EngineCommand.ActivateJobs.class, jobs::activate)
        .onVoid(EngineCommand.CompleteJob.class, c -> jobs.complete(c.jobKey(), c.variables(), c.result()))
        .onVoid(EngineCommand.FailJob.class, jobs::fail)
        .onVoid(EngineCommand.ThrowError.class, jobs::throwError)
        .onVoid(EngineCommand.UpdateJobRetries.class, c -> jobs.updateRetries(c.jobKey(), c.retries()))
        .onVoid(EngineCommand.UpdateJobTimeout.class, c -> jobs.updateTimeout(c.jobKey(), c.timeoutMillis()))
        .onVoid(EngineCommand.YieldJob.class, c -> jobs.yield(c.jobKey()))
        .onVoid(EngineCommand.TimeOutJobs.class, c -> jobs.timeOut(c.jobKeys()))
        .onVoid(EngineCommand.RecurJobs.class, c -> jobs.recur(c.jobKeys()))
        .on(EngineCommand.PublishMessage.class, events::publish)
        .on(EngineCommand.CorrelateMessage.class, events::correlate)
        .onVoid(EngineCommand.ExpireMessages.class, c -> events.expire(c.messageKeys()))
        .on(EngineCommand.BroadcastSignal.class, events::broadcast)
        .onVoid(EngineCommand.TriggerTimers.class, c -> events.triggerTimers(c.timerKeys()))
        .on(EngineCommand.EvaluateDecision.class, standaloneDecisions::evaluate)
        .on(EngineCommand.AssignUserTask.class, userTasks::assign)
        .on(EngineCommand.UpdateUserTask.class, userTasks::update)
        .on(EngineCommand.CompleteUserTask.class, userTasks::complete)
        .on(EngineCommand.ChangeClock.class, clocks::change)
        .onVoid(EngineCommand.Purge.class, c -> purge.run())
        .complete();
    return new ProcessingParts(state, appliers, executor, jobs, clocks, handlers);
  }
}
