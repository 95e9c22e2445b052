package uk.carelink.server.validation;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Warns at start-up when the JVM will never compile the HL7 validator's largest method. {@code
 * InstanceValidator.checkPrimitive} (org.hl7.fhir.validation 6.7.9) is 8,161 bytes of bytecode,
 * over HotSpot's 8,000-byte limit for huge methods, so by default it is interpreted for as long as
 * the server runs: about a fifth of every validation's CPU in a profile of the validation bench.
 * The shipped launch options ({@code run-sandbox.sh}, the Docker image) carry {@code
 * -XX:-DontCompileHugeMethods}; a deployment with its own options should too (ADR 19).
 */
final class HugeMethodCompilationCheck {

  private static final Logger log = LoggerFactory.getLogger(HugeMethodCompilationCheck.class);
  static final String OPTION = "DontCompileHugeMethods";

  private final Optional<String> optionValue;

  HugeMethodCompilationCheck() {
    this(currentValue());
  }

  /** For tests: the option's value as the JVM reports it, empty if the JVM does not have it. */
  HugeMethodCompilationCheck(Optional<String> optionValue) {
    this.optionValue = optionValue;
  }

  /** The warning to log, or empty when huge methods are compiled (or the JVM is not HotSpot). */
  Optional<String> warning() {
    if (optionValue.isEmpty() || !optionValue.get().equals("true")) {
      return Optional.empty();
    }
    return Optional.of(
        "Profile validation is slower than it need be: this JVM never compiles methods over 8,000"
            + " bytes, and the HL7 validator's checkPrimitive is one of them. Start the server with"
            + " -XX:-"
            + OPTION
            + " (as run-sandbox.sh and the Docker image do).");
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfHugeMethodsStayInterpreted() {
    warning().ifPresent(log::warn);
  }

  private static Optional<String> currentValue() {
    try {
      return Optional.of(
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption(OPTION)
              .getValue());
    } catch (IllegalArgumentException | NullPointerException e) {
      // Not a HotSpot JVM, or one without the option: nothing to advise.
      return Optional.empty();
    }
  }
}
