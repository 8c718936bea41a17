package io.learnops.engine.record;

/**
 * What happened to a record's entity. One enum per {@link ValueType}, so an intent always says
 * which kind of value it comes with and a {@code CREATED} of a job can never be mistaken for the
 * {@code CREATED} of an incident.
 */
public sealed interface Intent {

  ValueType valueType();

  String name();

  enum DeploymentIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.DEPLOYMENT;
    }
  }

  enum ProcessIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.PROCESS;
    }
  }

  enum DecisionRequirementsIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.DECISION_REQUIREMENTS;
    }
  }

  enum DecisionIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.DECISION;
    }
  }

  enum FormIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.FORM;
    }
  }

  /** The lifecycle of element instances (the process instance included) and the flows between them. */
  enum ProcessInstanceIntent implements Intent {
    ELEMENT_ACTIVATING,
    ELEMENT_ACTIVATED,
    ELEMENT_COMPLETING,
    ELEMENT_COMPLETED,
    ELEMENT_TERMINATING,
    ELEMENT_TERMINATED,
    SEQUENCE_FLOW_TAKEN;

    @Override
    public ValueType valueType() {
      return ValueType.PROCESS_INSTANCE;
    }
  }

  /** A process instance was created: at which start event, and, for a message start, by which message. */
  enum ProcessInstanceCreationIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.PROCESS_INSTANCE_CREATION;
    }
  }

  enum VariableIntent implements Intent {
    CREATED,
    UPDATED;

    @Override
    public ValueType valueType() {
      return ValueType.VARIABLE;
    }
  }

  enum VariableDocumentIntent implements Intent {
    UPDATED;

    @Override
    public ValueType valueType() {
      return ValueType.VARIABLE_DOCUMENT;
    }
  }

  enum JobIntent implements Intent {
    CREATED,
    ACTIVATED,
    COMPLETED,
    FAILED,
    ERROR_THROWN,
    RETRIES_UPDATED,
    TIMEOUT_UPDATED,
    /** a streamed job its client did not take: activatable again at once */
    YIELDED,
    TIMED_OUT,
    RECURRED_AFTER_BACKOFF,
    CANCELED;

    @Override
    public ValueType valueType() {
      return ValueType.JOB;
    }
  }

  enum UserTaskIntent implements Intent {
    CREATING,
    CREATED,
    ASSIGNING,
    ASSIGNED,
    ASSIGNMENT_DENIED,
    UPDATING,
    UPDATED,
    UPDATE_DENIED,
    COMPLETING,
    COMPLETED,
    COMPLETION_DENIED,
    CANCELING,
    CANCELED,
    /** a task listener corrected attributes of the transition in progress */
    CORRECTED;

    @Override
    public ValueType valueType() {
      return ValueType.USER_TASK;
    }
  }

  enum IncidentIntent implements Intent {
    CREATED,
    RESOLVED;

    @Override
    public ValueType valueType() {
      return ValueType.INCIDENT;
    }
  }

  enum MessageIntent implements Intent {
    PUBLISHED,
    EXPIRED;

    @Override
    public ValueType valueType() {
      return ValueType.MESSAGE;
    }
  }

  /** A process instance's wait for a message: opened, reached by a message, or closed without one. */
  enum ProcessMessageSubscriptionIntent implements Intent {
    CREATED,
    /** a message was claimed for the subscription's process; it reaches no other instance of it */
    CORRELATING,
    CORRELATED,
    DELETED;

    @Override
    public ValueType valueType() {
      return ValueType.PROCESS_MESSAGE_SUBSCRIPTION;
    }
  }

  enum TimerIntent implements Intent {
    CREATED,
    TRIGGERED,
    CANCELED;

    @Override
    public ValueType valueType() {
      return ValueType.TIMER;
    }
  }

  enum SignalIntent implements Intent {
    BROADCASTED;

    @Override
    public ValueType valueType() {
      return ValueType.SIGNAL;
    }
  }

  enum EscalationIntent implements Intent {
    ESCALATED,
    /** nothing caught it: no incident, the process goes on, as in Zeebe */
    NOT_ESCALATED;

    @Override
    public ValueType valueType() {
      return ValueType.ESCALATION;
    }
  }

  enum DecisionEvaluationIntent implements Intent {
    EVALUATED,
    FAILED;

    @Override
    public ValueType valueType() {
      return ValueType.DECISION_EVALUATION;
    }
  }

  /** A signal catch or boundary event's wait, opened and closed with its element instance. */
  enum SignalSubscriptionIntent implements Intent {
    CREATED,
    DELETED;

    @Override
    public ValueType valueType() {
      return ValueType.SIGNAL_SUBSCRIPTION;
    }
  }

  /** Engine time was moved forward, pinned, or reset to the system clock. */
  enum ClockIntent implements Intent {
    MOVED,
    PINNED,
    RESET;

    @Override
    public ValueType valueType() {
      return ValueType.CLOCK;
    }
  }

  enum ErrorIntent implements Intent {
    CREATED;

    @Override
    public ValueType valueType() {
      return ValueType.ERROR;
    }
  }

  enum PurgeIntent implements Intent {
    PURGED;

    @Override
    public ValueType valueType() {
      return ValueType.PURGE;
    }
  }
}
