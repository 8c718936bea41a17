package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;

/**
 * What a call activity starts: the process id (static or FEEL), which version (the latest, or the
 * one deployed together with the caller), and which variables cross the boundary.
 */
public record CalledElement(
    Expression processId,
    boolean deploymentBinding,
    boolean propagateAllParentVariables,
    boolean propagateAllChildVariables) {}
