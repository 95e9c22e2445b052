package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchMainTest {

  @Test
  void usageGivesTheValidationBenchsDefaults() {
    assertThat(BenchMain.USAGE)
        .contains("--pushes " + ValidationCostRun.DEFAULT_PUSHES + " (per side)")
        .contains("--warmup-pushes " + ValidationCostRun.DEFAULT_WARMUP_PUSHES + " (per side")
        .contains("--batch-pushes " + ValidationCostRun.DEFAULT_BATCH_PUSHES + " (sent");
  }
}
