package io.learnops.sandbox.xapi;

/** Told about each newly stored statement, e.g. to mark Moodle completions. */
@FunctionalInterface
public interface StatementListener {

  void stored(StoredStatement statement);
}
