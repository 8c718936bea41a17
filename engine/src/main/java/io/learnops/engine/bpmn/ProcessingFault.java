package io.learnops.engine.bpmn;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;

/**
 * A test-only hook, called before each record is applied: what it throws is an unexpected failure
 * of the command being processed. Tests use it to prove that such a failure leaves the state as it
 * was; nothing else sets it.
 */
@FunctionalInterface
public interface ProcessingFault {

  ProcessingFault NONE = (intent, value) -> { };

  void beforeApply(Intent intent, RecordValue value);
}
