package uk.carelink.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts ERROR and WARN lines of a Spring Boot log and keeps the first distinct ERROR messages. */
final class LogScan {
  private static final Pattern LEVEL = Pattern.compile("\\s(ERROR|WARN)\\s");
  private static final int KEEP = 6;

  /** Counts and the first distinct error messages (with their counts). */
  record Summary(int errors, int warnings, Map<String, Integer> firstErrors) {}

  private LogScan() {}

  static Summary scan(Path log) {
    List<String> lines;
    try {
      lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .map(l -> l.replaceAll("\u001B\\[[;\\d]*m", ""))
              .toList();
    } catch (IOException e) {
      return new Summary(-1, -1, Map.of());
    }
    return scan(lines);
  }

  static Summary scan(List<String> lines) {
    int errors = 0;
    int warnings = 0;
    Map<String, Integer> first = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = LEVEL.matcher(line);
      if (!m.find()) {
        continue;
      }
      if ("WARN".equals(m.group(1))) {
        warnings++;
        continue;
      }
      errors++;
      int colon = line.indexOf(" : ", m.end());
      String message = colon >= 0 ? line.substring(colon + 3) : line.substring(m.end());
      String key = FhirHttpClient.abbreviate(message, 300);
      if (first.containsKey(key) || first.size() < KEEP) {
        first.merge(key, 1, Integer::sum);
      }
    }
    return new Summary(errors, warnings, first);
  }
}
