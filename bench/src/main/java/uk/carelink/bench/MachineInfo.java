package uk.carelink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Where and when a run happened, for the report. */
final class MachineInfo {
  private MachineInfo() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException e) {
      // keep unknown
    }
    long memMib = -1;
    try {
      memMib =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
                  .filter(l -> l.startsWith("MemTotal:"))
                  .mapToLong(l -> ProcStatus.parseKib(l.substring("MemTotal:".length())))
                  .findFirst()
                  .orElse(-1)
              / 1024;
    } catch (IOException e) {
      // keep unknown
    }
    return String.format(
        "%d cores (%s), %d MiB RAM, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memMib,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  /** The 1, 5 and 15 minute load averages, or NaN when unknown. */
  static double[] loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", -1);
      return new double[] {
        Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])
      };
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }

  /**
   * Waits (bounded) until the 1-minute load average drops below {@code threshold}: on a shared
   * machine, other work skews every figure.
   *
   * @return the load average when the wait ended
   */
  static double[] awaitQuiet(double threshold, Duration maxWait, java.io.PrintStream log)
      throws InterruptedException {
    long endBy = System.nanoTime() + maxWait.toNanos();
    double[] load = loadAverage();
    boolean told = false;
    while (load[0] >= threshold && System.nanoTime() - endBy < 0) {
      if (!told) {
        log.printf(
            Locale.ROOT,
            "  waiting up to %d min for the load average (%.2f) to drop below %.2f%n",
            maxWait.toMinutes(),
            load[0],
            threshold);
        told = true;
      }
      TimeUnit.SECONDS.sleep(5);
      load = loadAverage();
    }
    return load;
  }

  static String describeLoad(double[] load) {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", load[0], load[1], load[2]);
  }

  static String now() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"))
        + " UTC";
  }

  static String timestamp() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss"));
  }
}
