package io.learnops.engine.gateway.rest;

import java.nio.charset.StandardCharsets;

/**
 * A response not yet serialised: the gateway turns the body into JSON on one of its own threads,
 * never on the engine's.
 *
 * @param body a DTO to write as JSON, raw bytes to write as they are, or null for an empty response
 */
record RestResponse(int status, String contentType, Object body) {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static RestResponse ok(Object body) {
    return new RestResponse(200, JSON, body);
  }

  /** A resource's own XML (BPMN, DMN), which the client reads as a string. */
  static RestResponse xml(String xml) {
    return new RestResponse(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  static RestResponse noContent() {
    return new RestResponse(204, null, null);
  }
}
