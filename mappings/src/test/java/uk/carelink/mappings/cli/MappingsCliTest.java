package uk.carelink.mappings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's worked example ("Mapping CSV exports"), run through the tool's entry point. */
class MappingsCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final MappingsCli cli =
      new MappingsCli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void convertWritesTheTransactionBundleAndTheSummaryTheReadmeShows(@TempDir Path dir)
      throws IOException {
    Path bundleFile = dir.resolve("incidents-bundle.json");
    int status =
        cli.run(
            new String[] {
              "convert",
              "--format",
              "incidents",
              "--home",
              "1-101000001",
              "--out",
              bundleFile.toString(),
              "incidents/sample/incidents.csv"
            });

    assertThat(status).isZero();
    String summary = "incidents.csv: 20 rows read, 20 mapped, 0 rejected (incidents@1.0.0)";
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(summary);
    assertThat(readme()).contains("# stderr: " + summary);
    Bundle bundle =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Bundle.class, Files.readString(bundleFile));
    assertThat(bundle.getEntry()).hasSize(21);
    assertThat(bundle.getEntry().get(0).getRequest().getUrl())
        .isEqualTo(
            "Observation?identifier=https%3A%2F%2Fcarelink.example.org%2FId%2Fsource%2F1-101000001%2Fincident|INC-00001");
    assertThat(readme()).contains(bundle.getEntry().get(0).getRequest().getUrl());
  }

  @Test
  void aFileWithProblemsMapsNothingAndExitsWithTwo(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad-incidents.csv");
    Files.writeString(
        bad,
        Files.readString(Path.of("incidents/sample/incidents.csv"))
            .replace("INC-00003,R1001,27/09/2026 21:23", "INC-00003,R1001,31/09/2026 21:23")
            .replace(
                "INC-00005,R1007,05/10/2026 15:15,Fall,Garden,N,Minor",
                "INC-00005,R1007,05/10/2026 15:15,Fall,Garden,N,Bruised"));

    int status =
        cli.run(
            new String[] {
              "convert", "--format", "incidents", "--home", "1-101000001", bad.toString()
            });

    assertThat(status).isEqualTo(2);
    assertThat(out.size()).isZero();
    for (String line : err.toString(StandardCharsets.UTF_8).split("\\R")) {
      if (line.startsWith("bad-incidents.csv")) {
        assertThat(readme()).contains(line);
      }
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("row 3 (line 4) column 'Date/Time' value '31/09/2026 21:23': BAD_DATE")
        .contains("row 5 (line 6) column 'Injury' value 'Bruised': UNKNOWN_CODE");
  }

  @Test
  void usageErrorsExitWithOne() {
    assertThat(cli.run(new String[] {"convert", "--format", "incidents"})).isEqualTo(1);
    assertThat(cli.run(new String[] {"nonsense"})).isEqualTo(1);
    assertThat(
            cli.run(
                new String[] {
                  "convert",
                  "--format",
                  "spreadsheet",
                  "--home",
                  "1-101000001",
                  "incidents/sample/incidents.csv"
                }))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown format spreadsheet");
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }
}
