package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

  @Test
  void steadyPairsGiveTheirRatioWithANarrowInterval() {
    long[] validated = new long[100];
    long[] unvalidated = new long[100];
    for (int i = 0; i < 100; i++) {
      validated[i] = 250_000_000L;
      unvalidated[i] = 200_000_000L;
    }

    PairedRatio ratio = PairedRatio.of(validated, unvalidated);

    assertThat(ratio.ratio()).isCloseTo(0.8, within(1e-9));
    assertThat(ratio.medianPairRatio()).isCloseTo(0.8, within(1e-9));
    assertThat(ratio.low()).isCloseTo(0.8, within(1e-9));
    assertThat(ratio.high()).isCloseTo(0.8, within(1e-9));
    assertThat(ratio.pairs()).isEqualTo(100);
  }

  @Test
  void aBurstOnOneSideMovesTheRatioAndWidensTheIntervalButNotTheMedian() {
    long[] validated = new long[300];
    long[] unvalidated = new long[300];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 300; i++) {
      long common = 200_000_000L + random.nextLong(40_000_000L);
      unvalidated[i] = common;
      validated[i] = Math.round(common * 1.15);
    }
    // Outside load slows 30 consecutive validated pushes threefold.
    for (int i = 100; i < 130; i++) {
      validated[i] *= 3;
    }

    PairedRatio ratio = PairedRatio.of(validated, unvalidated);

    assertThat(ratio.medianPairRatio()).isCloseTo(1 / 1.15, within(0.01));
    assertThat(ratio.ratio()).isLessThan(0.75);
    assertThat(ratio.low()).isLessThan(ratio.ratio());
    assertThat(ratio.high()).isGreaterThan(ratio.ratio());
    assertThat(ratio.high() - ratio.low()).isGreaterThan(0.05);
  }

  @Test
  void theSameTimingsAlwaysGiveTheSameInterval() {
    long[] validated = {300, 280, 350, 310, 290, 330, 305, 295, 320, 300};
    long[] unvalidated = {250, 240, 260, 255, 245, 270, 250, 240, 265, 255};

    assertThat(PairedRatio.of(validated, unvalidated))
        .isEqualTo(PairedRatio.of(validated.clone(), unvalidated.clone()));
  }

  @Test
  void summaryReadsAsOneLine() {
    long[] validated = {300, 300};
    long[] unvalidated = {240, 240};

    assertThat(PairedRatio.of(validated, unvalidated).summary())
        .isEqualTo("0.80 (95 % interval 0.80–0.80 over 2 pairs; median pair 0.80)");
  }

  @Test
  void unpairedTimingsAreRefused() {
    assertThatThrownBy(() -> PairedRatio.of(new long[] {1, 2}, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PairedRatio.of(new long[0], new long[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
