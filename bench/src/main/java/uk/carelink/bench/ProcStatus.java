package uk.carelink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
