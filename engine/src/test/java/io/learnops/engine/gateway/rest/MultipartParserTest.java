package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.engine.api.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

  private static final String TYPE = "multipart/form-data; boundary=\"b0und\"";

  @Test
  void partsAfterAPreambleKeepTheirNamesFilenamesAndBytes() {
    final byte[] binary = {'\r', '\n', '-', '-', 'b', '0', 'u', 'n', 'x', 0, (byte) 0xfe};
    final byte[] body =
        bytes(
            "ignored preamble\r\n--b0und\r\n",
            "Content-Disposition: form-data; name=\"resources\"; filename=\"a.bpmn\"\r\n",
            "Content-Type: application/octet-stream\r\n\r\n",
            binary,
            "\r\n--b0und\r\n",
            "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n",
            "tenant-ä",
            "\r\n--b0und--\r\n");

    final List<MultipartPart> parts = MultipartParser.parse(TYPE, body);

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("resources");
    assertThat(parts.get(0).filename()).isEqualTo("a.bpmn");
    assertThat(parts.get(0).contentType()).isEqualTo("application/octet-stream");
    assertThat(parts.get(0).content()).isEqualTo(binary);
    assertThat(parts.get(1).name()).isEqualTo("tenantId");
    assertThat(parts.get(1).filename()).isNull();
    assertThat(parts.get(1).text()).isEqualTo("tenant-ä");
  }

  @Test
  void extendedFilenameWinsOverTheLatin1Fallback() {
    // what Apache HttpClient sends for "prøcess ✓.bpmn": Latin-1 with '?' plus RFC 5987
    final byte[] body =
        bytes(
            "--b0und\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"pr",
            new byte[] {(byte) 0xf8},
            "cess ?.bpmn\"; filename*=\"UTF-8''pr%C3%B8cess%20%E2%9C%93.bpmn\"\r\n\r\n",
            "x\r\n--b0und--");

    assertThat(MultipartParser.parse(TYPE, body).get(0).filename()).isEqualTo("prøcess ✓.bpmn");
  }

  @Test
  void rawUtf8FilenameAsBrowsersSendItIsReadAsUtf8() {
    final byte[] body =
        bytes(
            "--b0und\r\nContent-Disposition: form-data; name=\"resources\";"
                + " filename=\"prøcess ✓.bpmn\"\r\n\r\n",
            "x\r\n--b0und--");

    assertThat(MultipartParser.parse(TYPE, body).get(0).filename()).isEqualTo("prøcess ✓.bpmn");
  }

  @Test
  void quotedFilenameMayContainEscapedQuotesAndSemicolons() {
    final byte[] body =
        bytes(
            "--b0und\r\nContent-Disposition: form-data; name=\"resources\";"
                + " filename=\"a \\\"b\\\"; c.bpmn\"\r\n\r\n",
            "x\r\n--b0und--");

    assertThat(MultipartParser.parse(TYPE, body).get(0).filename()).isEqualTo("a \"b\"; c.bpmn");
  }

  @Test
  void bodyWithoutClosingBoundaryIsRejected() {
    final byte[] body =
        bytes("--b0und\r\nContent-Disposition: form-data; name=\"resources\"\r\n\r\n", "x");

    assertThatThrownBy(() -> MultipartParser.parse(TYPE, body))
        .isInstanceOfSatisfying(
            Rejection.class,
            rejection -> assertThat(rejection.type()).isEqualTo(Rejection.Type.INVALID_ARGUMENT))
        .hasMessageContaining("closing boundary");
  }

  @Test
  void contentTypeWithoutBoundaryIsRejected() {
    assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data", new byte[0]))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("no boundary");
  }

  @Test
  void partWithoutANameIsRejected() {
    final byte[] body = bytes("--b0und\r\nContent-Type: text/plain\r\n\r\n", "x\r\n--b0und--");

    assertThatThrownBy(() -> MultipartParser.parse(TYPE, body))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("name");
  }

  /** Strings as UTF-8, byte arrays as they are. */
  private static byte[] bytes(Object... pieces) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object piece : pieces) {
      out.writeBytes(
          piece instanceof byte[] raw ? raw : piece.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
