package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.Catchers.Catcher;
import io.learnops.engine.model.EventType;
import io.learnops.engine.record.Intent.EscalationIntent;
import io.learnops.engine.record.RecordValue.EscalationValue;
import io.learnops.engine.state.ElementInstance;
import java.util.Map;
import java.util.Optional;

/**
 * An escalation thrown by an escalation throw or end event: the nearest catch event for its code
 * catches it ({@link Catchers}). Unlike an error, an escalation nobody catches is no incident: it
 * is recorded as NOT_ESCALATED and the process goes on.
 */
public final class EscalationPropagation {

  private final Catchers catchers;
  private final RecordWriter records;

  public EscalationPropagation(Catchers catchers, RecordWriter records) {
    this.catchers = catchers;
    this.records = records;
  }

  public void throwEscalation(ElementInstance thrower, String code) {
    final Optional<Catcher> catcher = catchers.nearest(thrower, EventType.ESCALATION, code);
    records.write(-1, catcher.isPresent() ? EscalationIntent.ESCALATED : EscalationIntent.NOT_ESCALATED,
        new EscalationValue(code, thrower.elementId, catcher.map(caught -> caught.event().id()).orElse(""),
            thrower.processInstanceKey, thrower.bpmnProcessId, thrower.tenantId));
    catcher.ifPresent(caught -> catchers.trigger(caught, Map.of()));
  }
}
