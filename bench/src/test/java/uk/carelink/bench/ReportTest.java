package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void sideBySideWithRatio() {
    Measurements on = new Measurements("interceptors on");
    on.add("rate", "ingest", "resources/s", 500, Metric.Better.HIGHER);
    on.add("n", "entries stored", "entries", 89643, Metric.Better.NONE);
    on.note("something | failed");
    Measurements off = new Measurements("interceptors off");
    off.add("rate", "ingest", "resources/s", 700, Metric.Better.HIGHER);
    off.add("n", "entries stored", "entries", 89643, Metric.Better.NONE);
    off.add("only", "only off", "ms", 12.345, Metric.Better.LOWER);

    String md = Report.markdown("t", List.of("ctx"), List.of(on, off));

    assertThat(md)
        .contains("| figure | unit | better | interceptors on | interceptors off |")
        .contains("| ingest | resources/s | higher | 500 | 700 | 0.71× |")
        .contains("| entries stored | entries |  | 89,643 | 89,643 |  |")
        .contains("| only off | ms | lower | — | 12.3 | — |")
        .contains("- something \\| failed");
  }

  @Test
  void numberFormats() {
    assertThat(Report.format(Double.NaN, "ms")).isEqualTo("—");
    assertThat(Report.format(1.234, "ms")).isEqualTo("1.23");
    assertThat(Report.format(52.04, "ms")).isEqualTo("52.0");
    assertThat(Report.format(843.4, "resources/s")).isEqualTo("843");
    assertThat(Report.ratio(1, 0)).isEqualTo("—");
    assertThat(Report.ratio(3, 2)).isEqualTo("1.50×");
  }
}
