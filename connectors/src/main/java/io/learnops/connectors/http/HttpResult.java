package io.learnops.connectors.http;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/** A 2xx answer: status, headers, raw body. */
public record HttpResult(int status, HttpHeaders headers, byte[] body) {

  public HttpResult {
    body = body == null ? new byte[0] : body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean hasBody() {
    return body.length > 0;
  }
}
