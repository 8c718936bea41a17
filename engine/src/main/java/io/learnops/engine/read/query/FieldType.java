package io.learnops.engine.read.query;

/** How a filterable, sortable field's values are read from a request and compared. */
public enum FieldType {
  /** a 64-bit key, sent as a string (or number); -1 in an entry means absent */
  KEY,
  STRING,
  INT,
  /** epoch millis in entries, ISO-8601 date-time in requests; -1 means absent */
  DATE,
  BOOLEAN;

  boolean isOrdered() {
    return this != BOOLEAN;
  }
}
