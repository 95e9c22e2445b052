package uk.carelink.world;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A NEWS2 observation set (Royal College of Physicians, 2017; SpO2 scale 1) with the RESTORE2 soft
 * signs the carer noticed. The total is computed from the parameters, never drawn at random.
 */
public record News2(
    OffsetDateTime at,
    int respirationRate,
    int oxygenSaturation,
    boolean onOxygen,
    int systolicPressure,
    int pulse,
    Consciousness consciousness,
    double temperature,
    List<SoftSign> softSigns) {

  public News2 {
    softSigns = List.copyOf(softSigns);
  }

  /** ACVPU: alert, new confusion, voice, pain, unresponsive. */
  public enum Consciousness {
    ALERT,
    NEW_CONFUSION,
    VOICE,
    PAIN,
    UNRESPONSIVE
  }

  /** RESTORE2 soft signs of deterioration. */
  public enum SoftSign {
    NEW_CONFUSION,
    REDUCED_APPETITE,
    REDUCED_MOBILITY,
    INCREASED_SLEEPINESS,
    REDUCED_URINE_OUTPUT,
    NEW_PAIN,
    LOOKS_UNWELL
  }

  public int respirationScore() {
    return band(respirationRate, new int[] {8, 11, 20, 24}, new int[] {3, 1, 0, 2, 3});
  }

  public int oxygenSaturationScore() {
    if (oxygenSaturation <= 91) {
      return 3;
    }
    if (oxygenSaturation <= 93) {
      return 2;
    }
    return oxygenSaturation <= 95 ? 1 : 0;
  }

  public int supplementalOxygenScore() {
    return onOxygen ? 2 : 0;
  }

  public int systolicScore() {
    if (systolicPressure >= 220) {
      return 3;
    }
    return band(systolicPressure, new int[] {90, 100, 110}, new int[] {3, 2, 1, 0});
  }

  public int pulseScore() {
    return band(pulse, new int[] {40, 50, 90, 110, 130}, new int[] {3, 1, 0, 1, 2, 3});
  }

  public int consciousnessScore() {
    return consciousness == Consciousness.ALERT ? 0 : 3;
  }

  public int temperatureScore() {
    // Tenths of a degree, so band edges such as 36.0 compare exactly.
    int tenths = (int) Math.round(temperature * 10);
    return band(tenths, new int[] {350, 360, 380, 390}, new int[] {3, 1, 0, 1, 2});
  }

  public int total() {
    return respirationScore()
        + oxygenSaturationScore()
        + supplementalOxygenScore()
        + systolicScore()
        + pulseScore()
        + consciousnessScore()
        + temperatureScore();
  }

  /** Scores by upper bounds: values up to bounds[i] score scores[i], above the last the last. */
  private static int band(int value, int[] upperBounds, int[] scores) {
    for (int i = 0; i < upperBounds.length; i++) {
      if (value <= upperBounds[i]) {
        return scores[i];
      }
    }
    return scores[scores.length - 1];
  }
}
