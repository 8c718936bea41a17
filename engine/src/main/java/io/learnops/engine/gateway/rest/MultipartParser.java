package io.learnops.engine.gateway.rest;

import io.learnops.engine.api.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a multipart/form-data body (RFC 7578) into its parts. Works on bytes throughout, so part
 * contents arrive exactly as sent, whatever their encoding.
 *
 * <p>File names come in two spellings: the Camunda client (Apache HttpClient) sends {@code
 * filename} in ISO-8859-1 with '?' for what it cannot encode, plus an RFC 5987 {@code filename*}
 * holding the exact UTF-8 name; browsers and curl send {@code filename} as raw UTF-8. Hence: {@code
 * filename*} wins, and a plain {@code filename} is read as UTF-8 if it is valid UTF-8.
 */
final class MultipartParser {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private MultipartParser() {}

  /**
   * @throws Rejection INVALID_ARGUMENT if the body is not well-formed multipart/form-data
   */
  static List<MultipartPart> parse(String contentType, byte[] body) {
    final HeaderValue type = HeaderValue.parse(contentType);
    if (!type.value().equalsIgnoreCase("multipart/form-data")) {
      throw Rejection.invalidArgument(
          "Expected a multipart/form-data body, but the Content-Type is '%s'"
              .formatted(contentType));
    }
    final String boundary = type.parameters().get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw Rejection.invalidArgument("The multipart/form-data Content-Type has no boundary");
    }
    final byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    final byte[] partEnd = concat(CRLF, delimiter);

    int position = 0;
    if (!startsWith(body, 0, delimiter)) {
      // skip the preamble: the first delimiter then follows a line break
      final int found = indexOf(body, partEnd, 0);
      if (found < 0) {
        throw Rejection.invalidArgument(
            "The multipart body contains no boundary '%s'".formatted(boundary));
      }
      position = found + CRLF.length;
    }
    final List<MultipartPart> parts = new ArrayList<>();
    while (true) {
      final int afterDelimiter = position + delimiter.length;
      if (startsWith(body, afterDelimiter, new byte[] {'-', '-'})) {
        return parts;
      }
      final int lineEnd = indexOf(body, CRLF, afterDelimiter);
      final int next = lineEnd < 0 ? -1 : indexOf(body, partEnd, lineEnd + CRLF.length);
      if (next < 0) {
        throw Rejection.invalidArgument("The multipart body ends before its closing boundary");
      }
      parts.add(part(Arrays.copyOfRange(body, lineEnd + CRLF.length, next)));
      position = next + CRLF.length;
    }
  }

  private static MultipartPart part(byte[] part) {
    final boolean noHeaders = startsWith(part, 0, CRLF);
    final int headerEnd = noHeaders ? 0 : indexOf(part, HEADER_END, 0);
    if (headerEnd < 0) {
      throw Rejection.invalidArgument("A multipart part has no blank line after its headers");
    }
    final int contentStart = noHeaders ? CRLF.length : headerEnd + HEADER_END.length;
    HeaderValue disposition = null;
    String partType = null;
    for (String line : headerText(Arrays.copyOfRange(part, 0, headerEnd)).split("\r\n")) {
      final int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      final String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      final String value = line.substring(colon + 1).trim();
      if (name.equals("content-disposition")) {
        disposition = HeaderValue.parse(value);
      } else if (name.equals("content-type")) {
        partType = value;
      }
    }
    if (disposition == null || disposition.parameters().get("name") == null) {
      throw Rejection.invalidArgument("A multipart part has no Content-Disposition with a name");
    }
    return new MultipartPart(
        disposition.parameters().get("name"),
        filename(disposition),
        partType,
        Arrays.copyOfRange(part, contentStart, part.length));
  }

  private static String filename(HeaderValue disposition) {
    final String extended = disposition.parameters().get("filename*");
    if (extended != null) {
      final String decoded = decodeExtendedValue(extended);
      if (decoded != null) {
        return decoded;
      }
    }
    return disposition.parameters().get("filename");
  }

  /** RFC 5987 {@code charset'language'percent-encoded}; null if malformed. */
  private static String decodeExtendedValue(String value) {
    final int first = value.indexOf('\'');
    final int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return null;
    }
    try {
      final Charset charset = Charset.forName(value.substring(0, first));
      final String encoded = value.substring(second + 1);
      final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int i = 0; i < encoded.length(); i++) {
        final char c = encoded.charAt(i);
        if (c != '%') {
          bytes.write(c);
          continue;
        }
        final int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        final int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
        if (low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      }
      return bytes.toString(charset);
    } catch (IllegalArgumentException e) {
      // unknown or illegal charset name: fall back to the plain filename
      return null;
    }
  }

  /** Header lines are UTF-8 from most clients, ISO-8859-1 from some; bytes decide which. */
  private static String headerText(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (offset < 0 || offset + prefix.length > bytes.length) {
      return false;
    }
    return Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] bytes, byte[] target, int from) {
    for (int i = Math.max(from, 0); i + target.length <= bytes.length; i++) {
      if (startsWith(bytes, i, target)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    final byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
