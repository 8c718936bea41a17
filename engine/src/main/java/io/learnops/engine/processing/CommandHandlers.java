package io.learnops.engine.processing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which processor handles which command: one handler per command type, found by the command's
 * class, so that dispatching is a lookup rather than a chain of type checks. Built for each state
 * (a purge starts a new one); {@link #complete()} refuses a registry that misses a command type.
 */
final class CommandHandlers {

  private final Map<Class<?>, Function<EngineCommand, Object>> handlers = new HashMap<>();

  /** A command whose handler answers with a result. */
  <C extends EngineCommand> CommandHandlers on(Class<C> type, Function<C, ?> handler) {
    handlers.put(type, command -> handler.apply(type.cast(command)));
    return this;
  }

  /** A command whose handler answers with nothing but its success. */
  <C extends EngineCommand> CommandHandlers onVoid(Class<C> type, Consumer<C> handler) {
    handlers.put(type, command -> {
      handler.accept(type.cast(command));
      return null;
    });
    return this;
  }

  /** Checks that every kind of command has its handler; a missing one is a programming error. */
  CommandHandlers complete() {
    final List<String> missing = Arrays.stream(EngineCommand.class.getPermittedSubclasses())
        .filter(type -> !handlers.containsKey(type))
        .map(Class::getSimpleName)
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("no handler for the commands " + missing);
    }
    return this;
  }

  Object handle(EngineCommand command) {
    return handlers.get(command.getClass()).apply(command);
  }
}
