package io.learnops.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port free right now, for tests that must know the app's port before the context starts: the
 * connectors' base URLs follow {@code server.port}, and their clients are built before a random
 * port is known. Run such a test with {@code WebEnvironment.DEFINED_PORT} and this port as
 * {@code server.port}.
 */
public final class FreePort {

  private FreePort() {}

  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
