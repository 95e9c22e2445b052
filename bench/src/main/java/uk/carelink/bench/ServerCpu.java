package uk.carelink.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import uk.carelink.bench.ProcStatus.ThreadGroup;

/**
 * CPU a server process has used, in all and by {@link ThreadGroup}, in s; or over an interval, as
 * the difference of two readings. What no group claims (request threads, linkage, threads that
 * ended) is {@link #otherSeconds()}.
 */
record ServerCpu(double totalSeconds, Map<ThreadGroup, Double> byGroup) {

  /** A server the bench did not start: nothing known. */
  static final ServerCpu UNKNOWN = new ServerCpu(Double.NaN, Map.of());

  ServerCpu {
    byGroup = byGroup.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byGroup));
  }

  static ServerCpu of(long pid) {
    // Threads first, then the total, so the total covers at least what the threads had used.
    Map<ThreadGroup, Double> groups = ProcStatus.cpuSecondsByThreadGroup(pid);
    return new ServerCpu(ProcStatus.cpuSeconds(pid), groups);
  }

  boolean known() {
    return !Double.isNaN(totalSeconds);
  }

  /** What was used between {@code earlier} and this reading. */
  ServerCpu since(ServerCpu earlier) {
    Map<ThreadGroup, Double> groups = new EnumMap<>(ThreadGroup.class);
    byGroup.forEach((g, s) -> groups.put(g, s - earlier.byGroup.getOrDefault(g, 0.0)));
    return new ServerCpu(totalSeconds - earlier.totalSeconds, groups);
  }

  double seconds(ThreadGroup group) {
    return byGroup.getOrDefault(group, 0.0);
  }

  double otherSeconds() {
    return totalSeconds - byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
