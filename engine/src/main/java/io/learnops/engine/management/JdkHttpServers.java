package io.learnops.engine.management;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Creates the JDK HTTP servers of the REST gateway and the management port. */
public final class JdkHttpServers {

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY the body waits for
    // the client's delayed ACK (~40 ms per response). The JDK reads this once, at its first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private JdkHttpServers() {}

  /** @param host the address to listen on: 127.0.0.1 unless the operator opened it to others */
  public static HttpServer create(String host, int port) throws IOException {
    return HttpServer.create(new InetSocketAddress(host, port), 0);
  }
}
