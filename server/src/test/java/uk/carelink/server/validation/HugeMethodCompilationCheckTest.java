package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HugeMethodCompilationCheckTest {

  @Test
  void aJvmThatLeavesHugeMethodsInterpretedIsToldWhichOptionToSet() {
    assertThat(new HugeMethodCompilationCheck(Optional.of("true")).warning())
        .hasValueSatisfying(
            warning ->
                assertThat(warning).contains("-XX:-DontCompileHugeMethods", "checkPrimitive"));
  }

  @Test
  void aJvmThatCompilesHugeMethodsOrDoesNotKnowTheOptionGetsNoWarning() {
    assertThat(new HugeMethodCompilationCheck(Optional.of("false")).warning()).isEmpty();
    assertThat(new HugeMethodCompilationCheck(Optional.empty()).warning()).isEmpty();
  }

  @Test
  void theRunningJvmIsReadAsItWasStarted() {
    // HotSpot (the JDK of the build and of the image) knows the option; the check must agree with
    // the options this JVM was started with.
    boolean compilesHugeMethods =
        ManagementFactory.getRuntimeMXBean()
            .getInputArguments()
            .contains("-XX:-DontCompileHugeMethods");
    assertThat(new HugeMethodCompilationCheck().warning().isPresent())
        .isEqualTo(!compilesHugeMethods);
  }
}
