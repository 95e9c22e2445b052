package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import uk.carelink.bench.ProcStatus.ThreadGroup;

class ServerCpuTest {

  @Test
  void anIntervalIsTheDifferenceOfTwoReadingsAndTheRestIsWhatNoGroupClaims() {
    ServerCpu before =
        new ServerCpu(10, Map.of(ThreadGroup.JIT_COMPILER, 4.0, ThreadGroup.VALIDATION, 1.0));
    ServerCpu after =
        new ServerCpu(
            16,
            Map.of(
                ThreadGroup.JIT_COMPILER, 5.0,
                ThreadGroup.VALIDATION, 3.0,
                ThreadGroup.GARBAGE_COLLECTOR, 0.5));

    ServerCpu interval = after.since(before);

    assertThat(interval.totalSeconds()).isEqualTo(6.0);
    assertThat(interval.seconds(ThreadGroup.JIT_COMPILER)).isEqualTo(1.0);
    assertThat(interval.seconds(ThreadGroup.VALIDATION)).isEqualTo(2.0);
    assertThat(interval.seconds(ThreadGroup.GARBAGE_COLLECTOR)).isEqualTo(0.5);
    assertThat(interval.otherSeconds()).isCloseTo(2.5, within(1e-9));
    assertThat(ServerCpu.UNKNOWN.known()).isFalse();
  }

  @Test
  void threadsAreGroupedByTheirLinuxNames() {
    assertThat(ThreadGroup.of("C2 CompilerThre")).contains(ThreadGroup.JIT_COMPILER);
    assertThat(ThreadGroup.of("GC Thread#1")).contains(ThreadGroup.GARBAGE_COLLECTOR);
    assertThat(ThreadGroup.of("G1 Conc#0")).contains(ThreadGroup.GARBAGE_COLLECTOR);
    assertThat(ThreadGroup.of("profile-validat")).contains(ThreadGroup.VALIDATION);
    assertThat(ThreadGroup.of("http-nio-127.0.")).isEmpty();
  }

  @Test
  void aBusyValidationThreadOfThisProcessIsCounted() throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    AtomicLong spin = new AtomicLong();
    Thread busy =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + 300_000_000L;
              while (System.nanoTime() < deadline) {
                spin.incrementAndGet();
              }
            },
            "profile-validation-test");
    ServerCpu before = ServerCpu.of(pid);
    busy.start();
    Thread.sleep(250);
    ServerCpu during = ServerCpu.of(pid);
    busy.join();

    ServerCpu interval = during.since(before);
    assertThat(interval.seconds(ThreadGroup.VALIDATION)).isPositive();
    assertThat(interval.totalSeconds())
        .isGreaterThanOrEqualTo(interval.seconds(ThreadGroup.VALIDATION));
    assertThat(spin.get()).isPositive();
  }
}
