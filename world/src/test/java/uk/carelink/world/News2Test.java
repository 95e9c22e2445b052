package uk.carelink.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carelink.world.News2.Consciousness;

/** Band edges from the RCP NEWS2 chart (2017), SpO2 scale 1. */
class News2Test {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-01T10:00:00+01:00");

  private static News2 news2(
      int rr, int spo2, boolean o2, int sys, int pulse, Consciousness c, double temp) {
    return new News2(AT, rr, spo2, o2, sys, pulse, c, temp, List.of());
  }

  @Test
  void aWellResidentScoresZero() {
    assertThat(news2(16, 97, false, 130, 72, Consciousness.ALERT, 36.8).total()).isZero();
  }

  @Test
  void eachParameterScoresAtItsBandEdges() {
    assertThat(news2(8, 97, false, 130, 72, Consciousness.ALERT, 36.8).respirationScore())
        .isEqualTo(3);
    assertThat(news2(9, 97, false, 130, 72, Consciousness.ALERT, 36.8).respirationScore())
        .isEqualTo(1);
    assertThat(news2(21, 97, false, 130, 72, Consciousness.ALERT, 36.8).respirationScore())
        .isEqualTo(2);
    assertThat(news2(25, 97, false, 130, 72, Consciousness.ALERT, 36.8).respirationScore())
        .isEqualTo(3);
    assertThat(news2(16, 93, false, 130, 72, Consciousness.ALERT, 36.8).oxygenSaturationScore())
        .isEqualTo(2);
    assertThat(news2(16, 95, false, 130, 72, Consciousness.ALERT, 36.8).oxygenSaturationScore())
        .isEqualTo(1);
    assertThat(news2(16, 97, false, 90, 72, Consciousness.ALERT, 36.8).systolicScore())
        .isEqualTo(3);
    assertThat(news2(16, 97, false, 110, 72, Consciousness.ALERT, 36.8).systolicScore())
        .isEqualTo(1);
    assertThat(news2(16, 97, false, 220, 72, Consciousness.ALERT, 36.8).systolicScore())
        .isEqualTo(3);
    assertThat(news2(16, 97, false, 130, 40, Consciousness.ALERT, 36.8).pulseScore()).isEqualTo(3);
    assertThat(news2(16, 97, false, 130, 91, Consciousness.ALERT, 36.8).pulseScore()).isEqualTo(1);
    assertThat(news2(16, 97, false, 130, 131, Consciousness.ALERT, 36.8).pulseScore()).isEqualTo(3);
    assertThat(news2(16, 97, false, 130, 72, Consciousness.ALERT, 35.0).temperatureScore())
        .isEqualTo(3);
    assertThat(news2(16, 97, false, 130, 72, Consciousness.ALERT, 36.0).temperatureScore())
        .isEqualTo(1);
    assertThat(news2(16, 97, false, 130, 72, Consciousness.ALERT, 38.1).temperatureScore())
        .isEqualTo(1);
    assertThat(news2(16, 97, false, 130, 72, Consciousness.ALERT, 39.1).temperatureScore())
        .isEqualTo(2);
  }

  @Test
  void newConfusionAndOxygenAddUp() {
    News2 unwell = news2(22, 93, true, 98, 112, Consciousness.NEW_CONFUSION, 38.4);
    // 2 (RR) + 2 (SpO2) + 2 (O2) + 2 (BP) + 2 (pulse) + 3 (C) + 1 (temp)
    assertThat(unwell.total()).isEqualTo(14);
  }
}
