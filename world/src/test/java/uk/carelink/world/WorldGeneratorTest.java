package uk.carelink.world;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldGeneratorTest {

  private static final WorldSpec SANDBOX = WorldSpec.sandboxDefault();

  @Test
  void theSameSeedGivesByteIdenticalBundles(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("first.ndjson");
    Path second = dir.resolve("second.ndjson");
    WorldFiles.write(new WorldGenerator(SANDBOX), first);
    WorldFiles.write(new WorldGenerator(SANDBOX), second);
    assertThat(Files.size(first)).isGreaterThan(1_000_000);
    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);

    Path otherSeed = dir.resolve("other.ndjson");
    WorldFiles.write(new WorldGenerator(SANDBOX.withSeed(43)), otherSeed);
    assertThat(Files.mismatch(first, otherSeed)).isNotEqualTo(-1L);
  }

  @Test
  void aHomeIsTheSameWhateverTheSizeOfTheWorld() {
    var small = new WorldGenerator(SANDBOX.withCareHomes(1)).histories(1);
    var large = new WorldGenerator(SANDBOX.withCareHomes(5)).histories(1);
    assertThat(large).isEqualTo(small);
  }

  @Test
  void everyReferencePointsAtSomethingWrittenEarlierOrInTheSameTransaction() {
    FhirTerser terser = FhirContext.forR4Cached().newTerser();
    Set<String> written = new HashSet<>();
    List<String> dangling = new ArrayList<>();
    for (PartyTransaction transaction : new WorldGenerator(SANDBOX).generateAll()) {
      for (Bundle.BundleEntryComponent entry : transaction.bundle().getEntry()) {
        written.add(entry.getRequest().getUrl());
      }
      for (Bundle.BundleEntryComponent entry : transaction.bundle().getEntry()) {
        for (Reference reference :
            terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
          if (!written.contains(reference.getReference())) {
            dangling.add(entry.getRequest().getUrl() + " -> " + reference.getReference());
          }
        }
      }
    }
    assertThat(dangling).isEmpty();
  }

  @Test
  void theSandboxWorldHasTheSandboxPartiesAndAboutFortyCurrentResidentsPerHome() {
    List<PartyTransaction> world = new WorldGenerator(SANDBOX).generateAll();
    assertThat(world.stream().map(t -> t.party().clientId()).distinct())
        .containsExactlyInAnyOrder(
            "gp-practice", "hospital", "analyst", "admin", "carehome-a", "carehome-b");
    for (String home : List.of("carehome-a", "carehome-b")) {
      long current =
          resources(world, home, Patient.class).stream().filter(p -> !p.hasDeceased()).count();
      assertThat(current).as(home + " residents alive at the reference date").isBetween(30L, 40L);
    }
    List<Patient> residents = resources(world, "carehome-a", Patient.class);
    assertThat(residents)
        .allSatisfy(
            p ->
                assertThat(p.getManagingOrganization().getReference())
                    .isEqualTo("Organization/org-carehome-a"));
    assertThat(
            residents.stream()
                .filter(
                    p ->
                        p.getIdentifier().stream()
                            .noneMatch(i -> i.getSystem().equals(Identifiers.NHS_NUMBER))))
        .as("some residents have no NHS number on the home's record")
        .isNotEmpty();
    assertThat(
            residents.stream()
                .flatMap(p -> p.getIdentifier().stream())
                .filter(i -> i.getSystem().equals(Identifiers.NHS_NUMBER)))
        .allSatisfy(
            i ->
                assertThat(NhsNumber.isValid(i.getValue()) && i.getValue().startsWith("999"))
                    .as(i.getValue())
                    .isTrue());
  }

  @Test
  void hospitalEncountersLineUpWithTheHomesFallsAndDeteriorations() {
    List<PartyTransaction> world = new WorldGenerator(SANDBOX).generateAll();
    List<Encounter> encounters = resources(world, "hospital", Encounter.class);
    List<Observation> falls =
        resources(world, "carehome-a", Observation.class).stream()
            .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("fall"))
            .toList();
    assertThat(falls).isNotEmpty();
    assertThat(encounters.stream().filter(e -> e.getClass_().getCode().equals("EMER")))
        .isNotEmpty();
    assertThat(encounters.stream().filter(e -> e.getClass_().getCode().equals("IMP"))).isNotEmpty();
    assertThat(
            encounters.stream()
                .filter(e -> e.getReasonCodeFirstRep().getText().equals("Fall in care home")))
        .isNotEmpty();
    // Each history's hospital visits come after the event that caused them.
    for (ResidentHistory resident : new WorldGenerator(SANDBOX).histories(1)) {
      for (ResidentHistory.Fall fall : resident.falls()) {
        if (fall.hospitalVisitIndex() != null) {
          var visit = resident.hospitalVisits().get(fall.hospitalVisitIndex());
          assertThat(visit.arrived()).isAfter(fall.at()).isBefore(fall.at().plusHours(5));
          assertThat(visit.cause()).isEqualTo(ResidentHistory.VisitCause.FALL);
        }
      }
    }
  }

  @Test
  void ratesArePlausibleForUkCareHomes() {
    WorldSpec larger = SANDBOX.withCareHomes(10);
    WorldGenerator generator = new WorldGenerator(larger);
    List<ResidentHistory> all = new ArrayList<>();
    for (int home = 1; home <= larger.careHomes(); home++) {
      all.addAll(generator.histories(home));
    }
    WorldStatistics statistics = WorldStatistics.of(larger, all);
    assertThat(statistics.fallsPer1000BedDays()).as(statistics.describe()).isBetween(3.0, 7.0);
    assertThat(statistics.emergencyAdmissionsPerResidentYear())
        .as(statistics.describe())
        .isBetween(0.5, 1.1);
    assertThat(statistics.emergencyAttendancesPerResidentYear())
        .as(statistics.describe())
        .isBetween(0.8, 1.6);
    assertThat(statistics.deathsPerResidentYear()).as(statistics.describe()).isBetween(0.2, 0.4);
    assertThat(statistics.unplannedWeightLossShare())
        .as(statistics.describe())
        .isBetween(0.10, 0.30);
  }

  private static <T extends Resource> List<T> resources(
      List<PartyTransaction> world, String clientId, Class<T> type) {
    return world.stream()
        .filter(t -> t.party().clientId().equals(clientId))
        .flatMap(t -> t.bundle().getEntry().stream())
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
