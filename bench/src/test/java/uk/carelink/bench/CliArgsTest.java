package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CliArgsTest {
  @Test
  void parsesCommandValuesAndFlags() {
    CliArgs a =
        CliArgs.parse(
            "compare",
            "--pushes",
            "5",
            "--server-jvm-opts=-Xmx1g -XX:+UseParallelGC",
            "--keep-db",
            "--seed",
            "7");
    assertThat(a.command()).isEqualTo("compare");
    assertThat(a.integer("pushes", 200)).isEqualTo(5);
    assertThat(a.string("server-jvm-opts", "")).isEqualTo("-Xmx1g -XX:+UseParallelGC");
    assertThat(a.flag("keep-db")).isTrue();
    assertThat(a.longValue("seed", 42)).isEqualTo(7);
    assertThat(a.integer("clients", 2)).isEqualTo(2);
    a.rejectUnknown();
  }

  @Test
  void unknownOptionsAreRejected() {
    CliArgs a = CliArgs.parse("workload", "--pushs", "5");
    a.integer("pushes", 1);
    assertThatThrownBy(a::rejectUnknown).hasMessageContaining("--pushs");
  }
}
