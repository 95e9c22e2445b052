package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

  @Test
  void cpuTimeIsUserPlusSystemTicksCountedAfterTheCommandName() {
    // A command name with a space and a ')' of its own must not shift the fields.
    String line =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 123 0 0 0 1234 567 0 0 20 0 71 0 89 0 0";
    assertThat(ProcStatus.cpuSecondsOfStatLine(line)).isEqualTo(18.01);
  }

  @Test
  void thisProcessHasUsedCpuAndItOnlyGrows() {
    long pid = ProcessHandle.current().pid();
    double before = ProcStatus.cpuSeconds(pid);
    double after = ProcStatus.cpuSeconds(pid);
    assertThat(before).isPositive();
    assertThat(after).isGreaterThanOrEqualTo(before);
  }

  @Test
  void anUnknownProcessHasNoCpuTime() {
    assertThat(ProcStatus.cpuSeconds(Long.MAX_VALUE)).isNaN();
  }
}
