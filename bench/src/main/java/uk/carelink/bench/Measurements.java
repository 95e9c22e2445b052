package uk.carelink.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures and notes of one run of one server configuration, in insertion order. */
public final class Measurements {
  private final String name;
  private final Map<String, Metric> metrics = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  public Measurements(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public void add(String key, String label, String unit, double value, Metric.Better better) {
    metrics.put(key, new Metric(key, label, unit, value, better));
  }

  public void note(String note) {
    notes.add(note);
  }

  public Collection<Metric> metrics() {
    return metrics.values();
  }

  public Optional<Metric> get(String key) {
    return Optional.ofNullable(metrics.get(key));
  }

  public List<String> notes() {
    return notes;
  }
}
