package uk.carelink.mappings.cli;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.mappings.engine.IngestBundle;
import uk.carelink.mappings.engine.IngestContext;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.mappings.engine.MappingResult;

/**
 * The command-line tool (README, "Mapping CSV exports"): the same engine as the server's {@code
 * $ingest}.
 *
 * <pre>
 * formats                                       list the formats
 * convert --format F --home CQC-ID [--out FILE] [--charset C] FILE
 *                                               print the transaction bundle (rejects on stderr)
 * post --format F --server URL (--token T | --client-id ID --client-secret S [--token-url URL])
 *      [--on-error reject-file|store-valid-rows] [--charset C] FILE
 *                                               upload FILE to URL/$ingest, print the answer
 * time --format F [--repeat N] FILE             rows/s of mapping alone (no server)
 * </pre>
 *
 * Exit status: 0 done, 2 the file was rejected, 1 usage or connection error.
 */
public final class MappingsCli {

  private static final String CQC = "https://carelink.example.org/Id/cqc-location-id";

  private final PrintStream out;
  private final PrintStream err;

  /** A tool writing to the given streams (the tests read them). */
  public MappingsCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new MappingsCli(System.out, System.err).run(args));
  }

  /** Runs one command; returns the exit status (0 done, 2 rejected, 1 usage or I/O error). */
  public int run(String[] args) {
    if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
      usage();
      return args.length == 0 ? 1 : 0;
    }
    try {
      Options options = Options.parse(args);
      return switch (args[0]) {
        case "formats" -> formats();
        case "convert" -> convert(options);
        case "post" -> post(options);
        case "time" -> time(options);
        default -> {
          err.println("unknown command " + args[0]);
          usage();
          yield 1;
        }
      };
    } catch (IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private int formats() {
    MappingEngine engine = MappingEngine.load(FhirContext.forR4Cached());
    for (String name : engine.formatNames()) {
      engine
          .format(name)
          .ifPresent(f -> out.println(f.name() + "\t" + f.version() + "\t" + f.title()));
    }
    return 0;
  }

  private int convert(Options options) throws IOException {
    Path file = options.file();
    String home = options.require("home");
    MappingEngine engine = MappingEngine.load(FhirContext.forR4Cached());
    String format = format(engine, options);
    IngestContext context =
        new IngestContext(
            options.get("home-system", CQC), home, "command line", options.get("charset", null));
    MappingResult result =
        engine.map(format, file.getFileName().toString(), Files.readAllBytes(file), context);
    IngestBundle.Assembled assembled =
        IngestBundle.assemble(result, result.mapped(), context, Instant.now());
    List<Reject> rejects =
        java.util.stream.Stream.concat(result.rejects().stream(), assembled.rejects().stream())
            .toList();
    rejects.forEach(r -> err.println(r.describe()));
    err.printf(
        "%s: %d rows read, %d mapped, %d rejected (%s)%n",
        file.getFileName(),
        result.rowsRead(),
        result.mapped().size(),
        rejects.stream().map(Reject::row).distinct().count(),
        result.format().mappingVersion());
    if (!rejects.isEmpty()) {
      return 2;
    }
    String json =
        FhirContext.forR4Cached()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(assembled.transaction());
    String target = options.get("out", null);
    if (target == null) {
      out.println(json);
    } else {
      Files.writeString(Path.of(target), json);
    }
    return 0;
  }

  private int post(Options options) throws IOException, InterruptedException {
    Path file = options.file();
    String server = options.require("server").replaceAll("/+$", "");
    String format = options.require("format");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String token = options.get("token", null);
    if (token == null) {
      token = clientCredentials(http, options, server);
    }
    StringBuilder url =
        new StringBuilder(server)
            .append("/$ingest?format=")
            .append(URLEncoder.encode(format, StandardCharsets.UTF_8))
            .append("&filename=")
            .append(URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8));
    if (options.has("on-error")) {
      url.append("&onError=")
          .append(URLEncoder.encode(options.require("on-error"), StandardCharsets.UTF_8));
    }
    String contentType =
        options.has("charset") ? "text/csv; charset=" + options.require("charset") : "text/csv";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.toString()))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .header("Accept", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - start) / 1e9;
    out.println(response.body());
    err.printf("HTTP %d in %.3f s%n", response.statusCode(), seconds);
    if (response.statusCode() == 200) {
      return 0;
    }
    return response.statusCode() == 422 ? 2 : 1;
  }

  private static String clientCredentials(HttpClient http, Options options, String server)
      throws IOException, InterruptedException {
    String tokenUrl = options.get("token-url", server.replaceAll("/fhir$", "") + "/oauth2/token");
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(options.require("client-id"), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(options.require("client-secret"), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("token request to " + tokenUrl + ": HTTP " + response.statusCode());
    }
    JsonNode body = new ObjectMapper().readTree(response.body());
    return body.path("access_token").asText();
  }

  private int time(Options options) throws IOException {
    Path file = options.file();
    int repeat = Integer.parseInt(options.get("repeat", "20"));
    MappingEngine engine = MappingEngine.load(FhirContext.forR4Cached());
    String format = format(engine, options);
    byte[] content = Files.readAllBytes(file);
    IngestContext context = new IngestContext(CQC, "1-000000000", "bench", null);
    int rows = 0;
    for (int i = 0; i < Math.max(1, repeat / 4); i++) {
      rows = engine.map(format, file.getFileName().toString(), content, context).rowsRead();
    }
    long start = System.nanoTime();
    for (int i = 0; i < repeat; i++) {
      MappingResult result = engine.map(format, file.getFileName().toString(), content, context);
      IngestBundle.assemble(result, result.mapped(), context, Instant.now());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "%s\t%d rows x %d\t%.3f s\t%.0f rows/s%n",
        format, rows, repeat, seconds, rows * (double) repeat / seconds);
    return 0;
  }

  private static String format(MappingEngine engine, Options options) {
    String format = options.require("format");
    if (engine.format(format).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown format " + format + " (one of " + String.join(", ", engine.formatNames()) + ")");
    }
    return format;
  }

  private void usage() {
    err.println(
        """
        usage: carelink-mappings COMMAND [OPTIONS] [FILE]
          formats                                    list the formats (folders under mappings/)
          convert --format F --home CQC-ID [--home-system URI] [--charset C] [--out FILE] FILE
                                                     map FILE to a FHIR transaction bundle (JSON);
                                                     rejects go to stderr and exit status 2
          post --format F --server URL (--token T | --client-id ID --client-secret S
               [--token-url URL]) [--on-error reject-file|store-valid-rows] [--charset C] FILE
                                                     upload FILE to URL/$ingest, print the answer
          time --format F [--repeat N] FILE          rows/s of mapping alone, no server\
        """);
  }

  /** {@code --name value} options and one positional file. */
  record Options(Map<String, String> values, String positional) {

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      String positional = null;
      for (int i = 1; i < args.length; i++) {
        if (args[i].startsWith("--")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
          }
          values.put(args[i].substring(2), args[++i]);
        } else if (positional == null) {
          positional = args[i];
        } else {
          throw new IllegalArgumentException(
              "one file only, got " + positional + " and " + args[i]);
        }
      }
      return new Options(values, positional);
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    String get(String name, String otherwise) {
      return values.getOrDefault(name, otherwise);
    }

    String require(String name) {
      String value = values.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return value;
    }

    Path file() {
      if (positional == null) {
        throw new IllegalArgumentException("a FILE is required");
      }
      Path file = Path.of(positional);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + positional);
      }
      return file;
    }
  }
}
