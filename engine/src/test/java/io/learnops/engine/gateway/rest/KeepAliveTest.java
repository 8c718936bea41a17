package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client pools connections: every kind of answer must leave the connection usable. */
class KeepAliveTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GatewayFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void oneConnectionServesNoContentJsonAndProblemAnswersInTurn() throws Exception {
    try (Socket socket = new Socket("localhost", fixture.gateway.port())) {
      socket.setSoTimeout(10_000);
      final OutputStream out = socket.getOutputStream();
      final InputStream in = socket.getInputStream();

      send(out, "POST", "/v2/jobs/2251799813685251/completion", "{\"variables\":{\"a\":1}}");
      assertThat(statusOf(in)).isEqualTo(204);

      send(out, "GET", "/v2/topology", null);
      assertThat(statusOf(in)).isEqualTo(200);

      send(out, "POST", "/v2/process-instances", "{not json");
      assertThat(statusOf(in)).isEqualTo(400);

      send(out, "GET", "/v2/nowhere", null);
      assertThat(statusOf(in)).isEqualTo(404);

      send(out, "GET", "/v2/status", null);
      assertThat(statusOf(in)).isEqualTo(204);
    }
  }

  private static void send(OutputStream out, String method, String path, String json)
      throws IOException {
    final byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    final String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\n"
            + "Host: localhost\r\n"
            + (json == null ? "" : "Content-Type: application/json\r\n")
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads one whole response, so that the next one starts at the stream's position. */
  private static int statusOf(InputStream in) throws IOException {
    final String statusLine = line(in);
    int contentLength = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      final String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        contentLength = Integer.parseInt(lower.substring("content-length:".length()).trim());
      }
      assertThat(lower).doesNotStartWith("connection: close");
    }
    assertThat(in.readNBytes(contentLength)).hasSize(contentLength);
    return Integer.parseInt(statusLine.split(" ")[1]);
  }

  private static String line(InputStream in) throws IOException {
    final ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed by the gateway");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
