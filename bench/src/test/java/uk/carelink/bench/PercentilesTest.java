package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOnOneToHundred() {
    List<Integer> values = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      values.add(i);
    }
    Collections.shuffle(values, new java.util.Random(1));
    Percentiles p = Percentiles.of(values);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p95()).isEqualTo(95);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.percentile(100)).isEqualTo(100);
    assertThat(p.percentile(0.5)).isEqualTo(1);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.mean()).isEqualTo(50.5);
  }

  @Test
  void exactProductsDoNotRoundUp() {
    // 95 % of 20 samples is exactly rank 19, which floating point 0.95 * 20 would push to 20.
    double[] samples = new double[20];
    for (int i = 0; i < 20; i++) {
      samples[i] = i + 1;
    }
    assertThat(Percentiles.of(samples).p95()).isEqualTo(19);
  }

  @Test
  void smallSamples() {
    assertThat(Percentiles.of(7.0).p50()).isEqualTo(7);
    assertThat(Percentiles.of(7.0).p95()).isEqualTo(7);
    assertThat(Percentiles.of(3, 1, 2).p50()).isEqualTo(2);
    assertThat(Percentiles.of(4, 1, 3, 2).p50()).isEqualTo(2);
    assertThat(Percentiles.of(4, 1, 3, 2).p95()).isEqualTo(4);
    assertThat(Percentiles.of(10, 20, 30, 40, 50).p50()).isEqualTo(30);
  }

  @Test
  void emptySampleIsNaN() {
    Percentiles p = Percentiles.of(List.<Double>of());
    assertThat(p.count()).isZero();
    assertThat(p.p50()).isNaN();
    assertThat(p.max()).isNaN();
  }

  @Test
  void inputIsNotModified() {
    double[] samples = {3, 1, 2};
    Percentiles.of(samples);
    assertThat(samples).containsExactly(3, 1, 2);
  }

  @Test
  void rejectsPercentilesOutOfRange() {
    assertThatThrownBy(() -> Percentiles.of(1.0).percentile(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(1.0).percentile(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
