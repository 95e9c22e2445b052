package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheaWorkloadTest {
  @TempDir Path dir;

  @Test
  void ordersInformationBundlesFirstThenLargestPatientBundle() throws IOException {
    Path fhir = Files.createDirectory(dir.resolve("fhir"));
    bundle(fhir.resolve("A_small.json"), "transaction", 1);
    bundle(fhir.resolve("B_large.json"), "transaction", 5);
    bundle(fhir.resolve("practitionerInformation1.json"), "batch", 2);
    bundle(fhir.resolve("hospitalInformation1.json"), "batch", 3);

    SyntheaWorkload w = new SyntheaWorkload(dir);

    assertThat(w.files())
        .extracting(SyntheaWorkload.BundleFile::name)
        .containsExactly(
            "hospitalInformation1.json",
            "practitionerInformation1.json",
            "B_large.json",
            "A_small.json");
    assertThat(w.entries()).isEqualTo(11);
    assertThat(w.patientBundles()).isEqualTo(2);
    assertThat(w.phases()).hasSize(3);
    assertThat(w.phases().get(0).get(0).batch()).isTrue();
    assertThat(w.phases().get(2).get(0).batch()).isFalse();
  }

  private static void bundle(Path file, String type, int entries) throws IOException {
    StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",");
    sb.append("\"meta\":{\"x\":[1,{\"entry\":[]}]},\"entry\":[");
    for (int i = 0; i < entries; i++) {
      sb.append(i > 0 ? "," : "")
          .append("{\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"x\"]}]}}");
    }
    sb.append("]}");
    Files.writeString(file, sb.toString());
  }
}
