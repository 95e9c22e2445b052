package uk.carelink.bench;

/** One measured figure of one run. */
public record Metric(String key, String label, String unit, double value, Better better) {
  /** Which direction is an improvement, for reading the on/off ratio. */
  public enum Better {
    HIGHER,
    LOWER,
    NONE
  }
}
