package io.learnops.workers.ports;

/** Stores an evaluation report with the program; storing again replaces it at the same URL. */
public interface ReportStore {

  /** Returns where the report can be read. */
  String store(String programId, String contentType, byte[] content);
}
