package io.learnops.engine.gateway.rest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;

/**
 * One part of a multipart/form-data body.
 *
 * @param filename null for plain form fields
 * @param contentType null if the part declared none
 */
record MultipartPart(String name, String filename, String contentType, byte[] content) {

  /** The content of a text field, in the charset it declares (UTF-8 if none, per RFC 7578). */
  String text() {
    return new String(content, charset());
  }

  private Charset charset() {
    final String name = HeaderValue.parse(contentType).parameters().get("charset");
    try {
      return name != null && Charset.isSupported(name)
          ? Charset.forName(name)
          : StandardCharsets.UTF_8;
    } catch (IllegalCharsetNameException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
