package io.learnops.connectors.http;

/**
 * Every failure a connector reports. A worker maps {@link BusinessRejection} to a BPMN error
 * (the process models catch its {@link BusinessRejection#code()}) and {@link TechnicalFailure}
 * to a job failure, which becomes an incident once the job's retries run out.
 */
public abstract sealed class ConnectorException extends RuntimeException
    permits BusinessRejection, TechnicalFailure {

  private final String system;

  protected ConnectorException(String system, String message, Throwable cause) {
    super(system + ": " + message, cause);
    this.system = system;
  }

  /** Short name of the external system, e.g. {@code moodle}, {@code scim}, {@code vendor}. */
  public String system() {
    return system;
  }
}
