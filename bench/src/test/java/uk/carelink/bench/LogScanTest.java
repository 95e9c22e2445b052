package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogScanTest {
  @Test
  void countsLevelsAndKeepsErrorMessages() {
    LogScan.Summary s =
        LogScan.scan(
            List.of(
                "2025-01-01T10:00:00.000Z  INFO 1 --- [main] a.B : started",
                "2025-01-01T10:00:01.000Z  WARN 1 --- [main] a.B : slow",
                "2025-01-01T10:00:02.000Z ERROR 1 --- [http-1] a.C : HAPI-0550: boom",
                "\tat a.C.method(C.java:1)",
                "2025-01-01T10:00:03.000Z ERROR 1 --- [http-2] a.C : HAPI-0550: boom"));
    assertThat(s.errors()).isEqualTo(2);
    assertThat(s.warnings()).isEqualTo(1);
    assertThat(s.firstErrors()).containsEntry("HAPI-0550: boom", 2);
  }
}
