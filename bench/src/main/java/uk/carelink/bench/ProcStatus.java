package uk.carelink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a process from /proc/PID/status (Linux). */
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
