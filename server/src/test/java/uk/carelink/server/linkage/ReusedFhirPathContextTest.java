package uk.carelink.server.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.mdm.api.MdmMatchOutcome;
import ca.uhn.fhir.mdm.rules.svc.MdmResourceMatcherSvc;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import uk.carelink.world.LinkageTestSet;
import uk.carelink.world.LinkageTestSet.LabelledPatient;

/**
 * MDM's matcher on the reused FHIRPath evaluator decides every pair exactly as HAPI's own does, and
 * parses each rule expression once per thread.
 */
class ReusedFhirPathContextTest {

  @Test
  void theMatcherScoresEveryCandidatePairAsWithAFreshEvaluatorEachTime() throws IOException {
    MdmResourceMatcherSvc plain = LinkageRulesEvaluationTest.matcher(FhirContext.forR4Cached());
    MdmResourceMatcherSvc reused = LinkageRulesEvaluationTest.matcher(new ReusedFhirPathContext());
    List<LabelledPatient> set = LinkageTestSet.generate(LinkageRulesEvaluationTest.SEED, 300);

    int compared = 0;
    for (LinkageRulesEvaluationTest.Pair pair : LinkageRulesEvaluationTest.pairsToScore(set)) {
      Patient left = set.get(pair.left()).patient();
      Patient right = set.get(pair.right()).patient();
      MdmMatchOutcome expected = plain.getMatchResult(left, right);
      MdmMatchOutcome actual = reused.getMatchResult(left, right);

      assertThat(actual.getMatchResultEnum()).isEqualTo(expected.getMatchResultEnum());
      assertThat(actual.getVector()).isEqualTo(expected.getVector());
      assertThat(actual.getScore()).isEqualTo(expected.getScore());
      compared++;
    }
    assertThat(compared).isGreaterThan(300);
  }

  @Test
  void eachExpressionIsParsedOncePerThread() {
    ReusedFhirPathContext context = new ReusedFhirPathContext();
    Patient patient = new Patient();
    patient.addName().setFamily("Okafor").addGiven("Ada");

    for (int i = 0; i < 5; i++) {
      assertThat(context.newFhirPath().evaluate(patient, "name.family.upper()", StringType.class))
          .extracting(StringType::getValue)
          .containsExactly("OKAFOR");
      context.newFhirPath().evaluate(patient, "name.given", StringType.class);
    }

    assertThat(((ReusedFhirPath) context.newFhirPath()).parsedExpressions()).isEqualTo(2);
  }

  @Test
  void anEvaluationContextIsRefusedRatherThanSharedWithOtherCallers() {
    assertThatThrownBy(() -> new ReusedFhirPathContext().newFhirPath().setEvaluationContext(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
