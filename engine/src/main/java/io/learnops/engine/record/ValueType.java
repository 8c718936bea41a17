package io.learnops.engine.record;

import io.learnops.engine.record.Intent.ClockIntent;
import io.learnops.engine.record.Intent.DecisionEvaluationIntent;
import io.learnops.engine.record.Intent.DecisionIntent;
import io.learnops.engine.record.Intent.DecisionRequirementsIntent;
import io.learnops.engine.record.Intent.DeploymentIntent;
import io.learnops.engine.record.Intent.ErrorIntent;
import io.learnops.engine.record.Intent.EscalationIntent;
import io.learnops.engine.record.Intent.FormIntent;
import io.learnops.engine.record.Intent.IncidentIntent;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.record.Intent.MessageIntent;
import io.learnops.engine.record.Intent.ProcessInstanceCreationIntent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Intent.ProcessIntent;
import io.learnops.engine.record.Intent.ProcessMessageSubscriptionIntent;
import io.learnops.engine.record.Intent.PurgeIntent;
import io.learnops.engine.record.Intent.SignalIntent;
import io.learnops.engine.record.Intent.SignalSubscriptionIntent;
import io.learnops.engine.record.Intent.TimerIntent;
import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.record.Intent.VariableDocumentIntent;
import io.learnops.engine.record.Intent.VariableIntent;

/**
 * What a record is about, as Zeebe names its value types. Each value type has its own intents
 * ({@link Intent}) and its own value ({@link RecordValue}); both classes are named here, so that a
 * journaled record can be read back from its value type and intent name alone.
 */
public enum ValueType {
  DEPLOYMENT(DeploymentIntent.class, RecordValue.DeploymentValue.class),
  PROCESS(ProcessIntent.class, RecordValue.ProcessValue.class),
  DECISION_REQUIREMENTS(DecisionRequirementsIntent.class, RecordValue.DecisionRequirementsValue.class),
  DECISION(DecisionIntent.class, RecordValue.DecisionValue.class),
  FORM(FormIntent.class, RecordValue.FormValue.class),
  PROCESS_INSTANCE(ProcessInstanceIntent.class, RecordValue.ProcessInstanceValue.class),
  PROCESS_INSTANCE_CREATION(ProcessInstanceCreationIntent.class, RecordValue.ProcessInstanceCreationValue.class),
  VARIABLE(VariableIntent.class, RecordValue.VariableValue.class),
  VARIABLE_DOCUMENT(VariableDocumentIntent.class, RecordValue.VariableDocumentValue.class),
  JOB(JobIntent.class, RecordValue.JobValue.class),
  USER_TASK(UserTaskIntent.class, RecordValue.UserTaskValue.class),
  INCIDENT(IncidentIntent.class, RecordValue.IncidentValue.class),
  MESSAGE(MessageIntent.class, RecordValue.MessageValue.class),
  PROCESS_MESSAGE_SUBSCRIPTION(ProcessMessageSubscriptionIntent.class, RecordValue.ProcessMessageSubscriptionValue.class),
  SIGNAL_SUBSCRIPTION(SignalSubscriptionIntent.class, RecordValue.SignalSubscriptionValue.class),
  TIMER(TimerIntent.class, RecordValue.TimerValue.class),
  SIGNAL(SignalIntent.class, RecordValue.SignalValue.class),
  ESCALATION(EscalationIntent.class, RecordValue.EscalationValue.class),
  DECISION_EVALUATION(DecisionEvaluationIntent.class, RecordValue.DecisionEvaluationValue.class),
  CLOCK(ClockIntent.class, RecordValue.ClockValue.class),
  /** a command whose processing failed unexpectedly, and the process instance banned for it */
  ERROR(ErrorIntent.class, RecordValue.ErrorValue.class),
  /** all data deleted through the management API; keys, positions and engine time go on */
  PURGE(PurgeIntent.class, RecordValue.PurgeValue.class);

  private final Class<? extends Intent> intentClass;
  private final Class<? extends RecordValue> valueClass;

  <I extends Enum<I> & Intent> ValueType(Class<I> intentClass, Class<? extends RecordValue> valueClass) {
    this.intentClass = intentClass;
    this.valueClass = valueClass;
  }

  public Class<? extends RecordValue> valueClass() {
    return valueClass;
  }

  /** The intent of this value type with that name. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Intent intent(String name) {
    return (Intent) Enum.valueOf((Class) intentClass, name);
  }
}
