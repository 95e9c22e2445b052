package uk.carelink.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;
import uk.carelink.world.LinkageTestSet.Kind;
import uk.carelink.world.LinkageTestSet.LabelledPatient;
import uk.carelink.world.LinkageTestSet.Source;

class LinkageTestSetTest {

  private final List<LabelledPatient> set = LinkageTestSet.generate(6, 2_000);

  @Test
  void everyPersonHasTheHomesRecordAndTheGpRecord() {
    assertThat(set).hasSize(4_000);
    Map<String, List<LabelledPatient>> byPerson =
        set.stream().collect(Collectors.groupingBy(LabelledPatient::person));
    assertThat(byPerson).hasSize(2_000);
    assertThat(byPerson.values())
        .allSatisfy(
            records ->
                assertThat(records)
                    .extracting(LabelledPatient::source)
                    .containsExactlyInAnyOrder(Source.CARE_HOME, Source.GP_PRACTICE));
  }

  @Test
  void theSameSeedGivesTheSameSet() {
    List<LabelledPatient> again = LinkageTestSet.generate(6, 2_000);
    for (int i = 0; i < set.size(); i++) {
      assertThat(again.get(i).patient().equalsDeep(set.get(i).patient())).isTrue();
    }
  }

  @Test
  void theHardCasesArePlanted() {
    Map<Kind, Long> kinds =
        set.stream()
            .filter(p -> p.source() == Source.CARE_HOME)
            .collect(Collectors.groupingBy(LabelledPatient::kind, Collectors.counting()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(Kind.values());
    assertThat(kinds.get(Kind.SAME_NAME_AND_BIRTHDAY)).isGreaterThan(5);
    assertThat(kinds.get(Kind.TWIN)).isGreaterThan(10);
  }

  @Test
  void someHomesRecordsCarryAnNhsNumberThatFailsItsCheckDigit() {
    long invalid =
        set.stream()
            .filter(p -> p.source() == Source.CARE_HOME)
            .flatMap(p -> p.patient().getIdentifier().stream())
            .filter(i -> Identifiers.NHS_NUMBER.equals(i.getSystem()))
            .map(Identifier::getValue)
            .filter(Predicate.not(NhsNumber::isValid))
            .count();
    assertThat(invalid).isBetween(10L, 100L);
  }
}
