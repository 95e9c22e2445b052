package uk.carelink.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code command --key value --key=value --flag} parsing; unknown keys are an error. */
final class CliArgs {
  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  private CliArgs(String command) {
    this.command = command;
  }

  static CliArgs parse(String... args) {
    int i = 0;
    String command = args.length > 0 && !args[0].startsWith("--") ? args[i++] : "";
    CliArgs result = new CliArgs(command);
    while (i < args.length) {
      String arg = args[i++];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String key = arg.substring(2);
      String value;
      int eq = key.indexOf('=');
      if (eq >= 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else if (i < args.length && !args[i].startsWith("--")) {
        value = args[i++];
      } else {
        value = "true";
      }
      result.values.put(key, value);
    }
    return result;
  }

  String command() {
    return command;
  }

  Optional<String> optional(String key) {
    read.add(key);
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  String string(String key, String fallback) {
    return optional(key).orElse(fallback);
  }

  int integer(String key, int fallback) {
    return optional(key).map(Integer::parseInt).orElse(fallback);
  }

  long longValue(String key, long fallback) {
    return optional(key).map(Long::parseLong).orElse(fallback);
  }

  boolean flag(String key) {
    return optional(key).map(Boolean::parseBoolean).orElse(false);
  }

  /** Fails on options that no code asked for (typos). */
  void rejectUnknown() {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key + " for " + command);
      }
    }
  }
}
