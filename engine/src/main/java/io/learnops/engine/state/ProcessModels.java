package io.learnops.engine.state;

import io.learnops.engine.model.ExecutableProcess;

/**
 * The deployed models, for the appliers that follow a record into its model: which gateway a
 * taken sequence flow joins at, whether an end event terminates its scope.
 */
@FunctionalInterface
public interface ProcessModels {

  ExecutableProcess process(long processDefinitionKey);
}
