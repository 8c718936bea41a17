package io.learnops.engine.processing;

/** A command as journaled: with the engine time at which it was processed. */
public record JournalEntry(long timestamp, EngineCommand command) {}
