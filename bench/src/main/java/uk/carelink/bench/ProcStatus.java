package uk.carelink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Memory and CPU figures of a process from /proc/PID/status and /proc/PID/stat (Linux). */
final class ProcStatus {
  private ProcStatus() {}

  /** Resident set size now, in KiB, or -1 when unknown. */
  static long rssKib(long pid) {
    return field(pid, "VmRSS:");
  }

  /** Peak resident set size, in KiB, or -1 when unknown. */
  static long peakRssKib(long pid) {
    return field(pid, "VmHWM:");
  }

  /**
   * Clock ticks per second of /proc/PID/stat's CPU times: USER_HZ, which the kernel fixes at 100 in
   * its user-space ABI on every architecture the bench runs on.
   */
  private static final double USER_HZ = 100.0;

  /** CPU time the process has used so far (user and system, all threads), in s; NaN if unknown. */
  static double cpuSeconds(long pid) {
    try {
      return cpuSecondsOfStatLine(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /**
   * utime + stime (fields 14 and 15) of a /proc/PID/stat line. The command name (field 2) is in
   * parentheses and may itself hold spaces or parentheses, so fields are counted after its last
   * ')'.
   */
  static double cpuSecondsOfStatLine(String line) {
    String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    // fields[0] is field 3 (state), so field n is fields[n - 3].
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / USER_HZ;
  }

  /** Threads whose CPU the validation bench reports on its own, by the start of their name. */
  enum ThreadGroup {
    JIT_COMPILER("C2 CompilerThre", "C1 CompilerThre"),
    GARBAGE_COLLECTOR("GC Thread", "G1 ", "VM Thread"),
    VALIDATION("profile-validat");

    private final List<String> namePrefixes;

    ThreadGroup(String... namePrefixes) {
      this.namePrefixes = List.of(namePrefixes);
    }

    static Optional<ThreadGroup> of(String threadName) {
      for (ThreadGroup group : values()) {
        if (group.namePrefixes.stream().anyMatch(threadName::startsWith)) {
          return Optional.of(group);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * CPU time the live threads of each {@link ThreadGroup} have used so far, in s (Linux thread
   * names, from /proc/PID/task/TID/stat, are cut at 15 characters). Threads that ended are not
   * counted; empty if the process is unknown.
   */
  static Map<ThreadGroup, Double> cpuSecondsByThreadGroup(long pid) {
    Map<ThreadGroup, Double> seconds = new EnumMap<>(ThreadGroup.class);
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String line;
        try {
          line = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended while the tasks were listed
        }
        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        ThreadGroup.of(name)
            .ifPresent(g -> seconds.merge(g, cpuSecondsOfStatLine(line), Double::sum));
      }
    } catch (IOException e) {
      return Map.of();
    }
    return seconds;
  }

  static long field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          return parseKib(line.substring(name.length()));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** Parses " 123456 kB". */
  static long parseKib(String value) {
    String v = value.trim();
    if (v.endsWith("kB")) {
      v = v.substring(0, v.length() - 2).trim();
    }
    return Long.parseLong(v);
  }
}
