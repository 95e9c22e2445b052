package uk.carelink.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders runs side by side as a markdown table; with two runs, adds the ratio first/second (e.g.
 * interceptors on / interceptors off).
 */
final class Report {
  private Report() {}

  static String markdown(String title, List<String> context, List<Measurements> runs) {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(title).append("\n\n");
    for (String line : context) {
      md.append("- ").append(line).append('\n');
    }
    md.append('\n');
    boolean ratio = runs.size() == 2;
    md.append("| figure | unit | better |");
    for (Measurements r : runs) {
      md.append(' ').append(r.name()).append(" |");
    }
    if (ratio) {
      md.append(" ratio ")
          .append(runs.get(0).name())
          .append(" / ")
          .append(runs.get(1).name())
          .append(" |");
    }
    md.append("\n|---|---|---|");
    md.append("---:|".repeat(runs.size()));
    if (ratio) {
      md.append("---:|");
    }
    md.append('\n');
    for (Metric metric : union(runs).values()) {
      md.append("| ")
          .append(metric.label())
          .append(" | ")
          .append(metric.unit())
          .append(" | ")
          .append(better(metric.better()))
          .append(" |");
      List<Double> values = new ArrayList<>();
      for (Measurements r : runs) {
        double v = r.get(metric.key()).map(Metric::value).orElse(Double.NaN);
        values.add(v);
        md.append(' ').append(format(v, metric.unit())).append(" |");
      }
      if (ratio) {
        md.append(' ')
            .append(
                metric.better() == Metric.Better.NONE ? "" : ratio(values.get(0), values.get(1)))
            .append(" |");
      }
      md.append('\n');
    }
    for (Measurements r : runs) {
      if (!r.notes().isEmpty()) {
        md.append("\nNotes, ").append(r.name()).append(":\n\n");
        for (String note : r.notes()) {
          md.append("- ").append(note.replace("\n", " ").replace("|", "\\|")).append('\n');
        }
      }
    }
    return md.toString();
  }

  private static Map<String, Metric> union(List<Measurements> runs) {
    Map<String, Metric> all = new LinkedHashMap<>();
    for (Measurements r : runs) {
      for (Metric m : r.metrics()) {
        all.putIfAbsent(m.key(), m);
      }
    }
    return all;
  }

  private static String better(Metric.Better b) {
    return switch (b) {
      case HIGHER -> "higher";
      case LOWER -> "lower";
      case NONE -> "";
    };
  }

  static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.2f×", a / b);
  }

  static String format(double v, String unit) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (unit.equals("entries") || unit.equals("bundles") || unit.equals("lines")) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    double abs = Math.abs(v);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
