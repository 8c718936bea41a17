package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.behavior.Catchers.Catcher;
import io.learnops.engine.model.EventType;
import io.learnops.engine.state.ElementInstance;
import java.util.Map;
import java.util.Optional;

/**
 * A BPMN error thrown by an error end event or by a job worker: the nearest catch event for its
 * code catches it ({@link Catchers}). One that nothing catches is the thrower's incident, which
 * the thrower raises, since only it knows what it was doing.
 */
public final class ErrorPropagation {

  private final Catchers catchers;

  public ErrorPropagation(Catchers catchers) {
    this.catchers = catchers;
  }

  /** @return false if nothing catches the error */
  public boolean throwError(ElementInstance thrower, String errorCode, Map<String, Object> errorVariables) {
    final Optional<Catcher> catcher = catchers.nearest(thrower, EventType.ERROR, errorCode);
    catcher.ifPresent(caught -> catchers.trigger(caught, errorVariables));
    return catcher.isPresent();
  }
}
