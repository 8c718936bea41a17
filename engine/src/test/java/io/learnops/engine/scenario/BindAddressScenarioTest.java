package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine's ports are closed to other machines by default: they listen on 127.0.0.1 until the
 * operator gives a bind address. Checked by connecting through this machine's own network address,
 * as another host would arrive (skipped on a machine that has none).
 */
class BindAddressScenarioTest {

  @Test
  void byDefaultNoPortAnswersOnTheMachinesNetworkAddressButAllAnswerOnLoopback() throws IOException {
    final InetAddress network = networkAddress();
    try (Engine engine = Engine.start(EngineConfig.forTests())) {
      for (final int port : List.of(engine.grpcPort(), engine.restPort(), engine.managementPort())) {
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("loopback port %d", port).isTrue();
        assertThat(connects(network, port)).as("%s port %d", network, port).isFalse();
      }
    }
  }

  @Test
  void aBindAddressOpensThePortsToOtherMachines() throws IOException {
    final InetAddress network = networkAddress();
    try (Engine engine = Engine.start(EngineConfig.forTests().withBindAddress("0.0.0.0"))) {
      for (final int port : List.of(engine.grpcPort(), engine.restPort(), engine.managementPort())) {
        assertThat(connects(network, port)).as("%s port %d", network, port).isTrue();
      }
    }
  }

  private static InetAddress networkAddress() throws SocketException {
    final Optional<InetAddress> address = NetworkInterface.networkInterfaces()
        .filter(BindAddressScenarioTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
    assumeThat(address).as("a non-loopback IPv4 address on this machine").isPresent();
    return address.get();
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
