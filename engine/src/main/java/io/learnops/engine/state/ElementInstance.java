package io.learnops.engine.state;

import io.learnops.engine.model.ElementType;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One execution of an element within a process instance. The process instance itself is the
 * element instance whose key is the process instance key and which has no flow scope.
 */
public final class ElementInstance {
  public long key;
  public String elementId;
  public ElementType type;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String tenantId;
  /** the enclosing element instance (the process instance for top-level elements); -1 for the root */
  public long flowScopeKey = -1;
  public ElementState state;
  public long jobKey = -1;
  /** element instances currently active inside this one */
  public Set<Long> children = new LinkedHashSet<>();
  /** for joining gateways in this scope: gateway id → incoming flow id → tokens waiting */
  public Map<String, Map<String, Integer>> joinTokens = new LinkedHashMap<>();
  public long createdAt;
  /** for a process instance: the start event it was started at */
  public String startElementId;
  /** for a multi-instance body: how many inner instances were started so far */
  public int multiInstanceStarted;
  /** for a process instance started by a call activity: that call activity's instance; else -1 */
  public long parentElementInstanceKey = -1;
  /** for a process instance started by a call activity: the caller's process instance; else -1 */
  public long parentProcessInstanceKey = -1;
  /** for a call activity: the process instance it started; else -1 */
  public long calledProcessInstanceKey = -1;
  /**
   * for a process instance started by a message with a correlation key: that key. While the
   * instance runs, no other message with the key starts the same process.
   */
  public String messageStartCorrelationKey;
  /** for a user task element: its open user task; else -1 */
  public long userTaskKey = -1;
  /** how many of the element's start execution listeners have completed */
  public int startListenersDone;
  /** how many of the element's end execution listeners have completed */
  public int endListenersDone;

  /** A new instance, ACTIVATING, as its record describes it. */
  static ElementInstance of(long key, ProcessInstanceValue value, long timestamp) {
    final ElementInstance instance = new ElementInstance();
    instance.key = key;
    instance.elementId = value.elementId();
    instance.type = value.bpmnElementType();
    instance.processInstanceKey = value.processInstanceKey();
    instance.processDefinitionKey = value.processDefinitionKey();
    instance.bpmnProcessId = value.bpmnProcessId();
    instance.version = value.version();
    instance.tenantId = value.tenantId();
    instance.flowScopeKey = value.flowScopeKey();
    instance.parentElementInstanceKey = value.parentElementInstanceKey();
    instance.parentProcessInstanceKey = value.parentProcessInstanceKey();
    instance.createdAt = timestamp;
    instance.state = ElementState.ACTIVATING;
    return instance;
  }

  public boolean isRoot() {
    return flowScopeKey < 0;
  }

  public ProcessInstanceValue toValue() {
    return new ProcessInstanceValue(bpmnProcessId, version, processDefinitionKey, processInstanceKey, elementId,
        flowScopeKey, type, parentProcessInstanceKey, parentElementInstanceKey, tenantId);
  }

  /** A sequence flow this instance, as a flow scope, takes. */
  public ProcessInstanceValue sequenceFlowValue(String flowId) {
    return new ProcessInstanceValue(bpmnProcessId, version, processDefinitionKey, processInstanceKey, flowId, key,
        ElementType.SEQUENCE_FLOW, -1, -1, tenantId);
  }
}
