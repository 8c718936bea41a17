package io.learnops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerComparisonTest {

  private static final Percentiles NONE = new Percentiles(0, 0, 0, 0);

  @Test
  void dividesTheBetterTransportByThePeer() {
    final PeerComparison comparison = PeerComparison.of(List.of(
        result("grpc-1", 2500), result("rest-1", 4700), result("operaton-1", 500),
        result("grpc-10", 300), result("rest-10", 1000), result("operaton-10", 400)), 300, 20);

    assertThat(comparison.table().lines().skip(2)).containsExactly(
        "| 1 task | 2500 | 4700 | 500 | 9.4× | yes |",
        "| 10 tasks | 300 | 1000 | 400 | 2.5× | no |");
  }

  @Test
  void leavesOutShapesThePeerDidNotRunAndMarksMissingTransports() {
    final PeerComparison comparison = PeerComparison.of(List.of(
        result("grpc-1", 2500), result("grpc-10", 300), result("operaton-10", 20)), 300, 20);

    assertThat(comparison.table().lines().skip(2)).containsExactly("| 10 tasks | 300 | – | 20 | 15.0× | yes |");
  }

  @Test
  void givesNoRatioWhenThePeerCompletedFewerInstancesInItsWindowThanItKeptInFlight() {
    // 0.2/s over a 20 s window: 4 of 300 instances done, the ramp of a 10-task process
    final PeerComparison comparison = PeerComparison.of(List.of(
        result("grpc-10", 600), result("rest-10", 676), result("operaton-10", 0.2)), 300, 20);

    assertThat(comparison.table().lines().skip(2)).containsExactly(
        "| 10 tasks | 600 | 676 | 0 | – | n/a: Operaton's window shorter than its ramp, try a lower --in-flight |");
  }

  private static ScenarioResult result(String scenario, double throughput) {
    return new ScenarioResult(scenario, throughput, null, throughput / 2, throughput / 2, NONE, NONE, NONE, 0);
  }
}
