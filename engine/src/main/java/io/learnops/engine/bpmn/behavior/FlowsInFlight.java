package io.learnops.engine.bpmn.behavior;

import java.util.HashMap;
import java.util.Map;

/**
 * Sequence flows taken within the command being processed whose target is not activated yet, per
 * flow scope. A taken flow's target is activated later in the same command (breadth-first), so
 * this is never state: it is empty again when the command ends. A scope that stops accepting the
 * flows already taken (a terminate end event, an interrupting event subprocess, its termination)
 * moves to a new generation, and arrivals of an older generation are dropped.
 */
public final class FlowsInFlight {

  private final Map<Long, int[]> byScope = new HashMap<>();

  /** A flow was taken in the scope; returns the generation its arrival must still find. */
  public int taken(long scopeKey) {
    final int[] flows = byScope.computeIfAbsent(scopeKey, k -> new int[2]);
    flows[0]++;
    return flows[1];
  }

  /** Whether a flow taken in that generation may still arrive; if so it counts as arrived. */
  public boolean arrive(long scopeKey, int generation) {
    final int[] flows = byScope.get(scopeKey);
    if (flows == null || flows[1] != generation) {
      return false;
    }
    flows[0]--;
    return true;
  }

  /** The scope accepts none of the flows taken so far. */
  public void discard(long scopeKey) {
    final int[] flows = byScope.get(scopeKey);
    if (flows != null) {
      flows[0] = 0;
      flows[1]++;
    }
  }

  public boolean any(long scopeKey) {
    final int[] flows = byScope.get(scopeKey);
    return flows != null && flows[0] > 0;
  }

  public void clear() {
    byScope.clear();
  }
}
