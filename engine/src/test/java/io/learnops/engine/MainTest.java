package io.learnops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The standalone engine's command line, for the options Camunda Process Test relies on. */
class MainTest {

  @Test
  void theClockIsControlledOnlyWhenAsked() {
    assertThat(Main.parse(new String[] {}).clockControlled()).isFalse();
    assertThat(Main.parse(new String[] {"--clock-controlled"}).clockControlled()).isTrue();
    assertThat(Main.parse(new String[] {"--clock-controlled=false"}).clockControlled()).isFalse();
  }

  @Test
  void thePortsListenOnThisMachineOnlyUnlessABindAddressOpensThem() {
    assertThat(Main.parse(new String[] {}).bindAddress()).isEqualTo("127.0.0.1");
    assertThat(Main.parse(new String[] {"--bind-address=0.0.0.0"}).bindAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void exportersOnTheClassPathArePluggedIn() {
    assertThat(Main.pluggedInExporters()).hasAtLeastOneElementOfType(ServiceLoadedExporter.class);
  }

  @Test
  void aClockFlagThatIsNotABooleanIsRefused() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--clock-controlled=soon"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--clock-controlled must be true or false, but was 'soon'");
  }
}
