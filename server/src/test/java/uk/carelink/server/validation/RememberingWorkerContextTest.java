package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.ValueSet;
import org.junit.jupiter.api.Test;

/** The validator's worker context asks the chain once per definition it finds, and only once. */
class RememberingWorkerContextTest {

  private static final String KNOWN = "https://carelink.example.org/fhir/ValueSet/known-";

  /** Knows every ValueSet whose URL starts with {@link #KNOWN}, and notes every question. */
  private static final class CountingSupport implements IValidationSupport {
    final List<String> asked = new ArrayList<>();

    @Override
    public FhirContext getFhirContext() {
      return FhirContext.forR4Cached();
    }

    @Override
    public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
      if (!org.hl7.fhir.r4.model.ValueSet.class.equals(type)) {
        return null;
      }
      asked.add(url);
      if (!url.startsWith(KNOWN)) {
        return null;
      }
      org.hl7.fhir.r4.model.ValueSet valueSet = new org.hl7.fhir.r4.model.ValueSet();
      valueSet.setUrl(url);
      return type.cast(valueSet);
    }
  }

  @Test
  void aDefinitionFoundOnceIsNotLookedUpAgain() {
    CountingSupport chain = new CountingSupport();
    RememberingWorkerContext context = new RememberingWorkerContext(chain);

    ValueSet first = context.fetchResource(ValueSet.class, KNOWN + "a");
    ValueSet again = context.fetchResource(ValueSet.class, KNOWN + "a");

    assertThat(first.getUrl()).isEqualTo(KNOWN + "a");
    assertThat(again).isSameAs(first);
    assertThat(chain.asked).containsExactly(KNOWN + "a");
  }

  @Test
  void aUrlThatNamesNothingIsAnsweredNothingWithoutAskingAgain() {
    CountingSupport chain = new CountingSupport();
    RememberingWorkerContext context = new RememberingWorkerContext(chain);
    String unknown = "https://example.org/ValueSet/nothing";

    assertThat(context.fetchResource(ValueSet.class, unknown)).isNull();
    assertThat(context.fetchResource(ValueSet.class, unknown)).isNull();

    assertThat(chain.asked).containsExactly(unknown);
  }

  @Test
  void definitionsOfOtherTypesAreRememberedApart() {
    CountingSupport chain = new CountingSupport();
    RememberingWorkerContext context = new RememberingWorkerContext(chain);
    context.fetchResource(ValueSet.class, KNOWN + "a");

    // Same URL, another type: the chain is asked, and answers nothing of that type.
    assertThat(context.fetchResource(CodeSystem.class, KNOWN + "a")).isNull();
    assertThat(context.fetchResource(ValueSet.class, KNOWN + "a")).isNotNull();
    assertThat(context.remembered()).isEqualTo(2);
  }

  @Test
  void noMoreThanTheLimitIsRememberedOfOneType() {
    CountingSupport chain = new CountingSupport();
    RememberingWorkerContext context = new RememberingWorkerContext(chain, 3);

    for (int i = 0; i < 10; i++) {
      assertThat(context.fetchResource(ValueSet.class, KNOWN + i).getUrl()).isEqualTo(KNOWN + i);
    }
    context.fetchResource(ValueSet.class, KNOWN + 0);
    context.fetchResource(ValueSet.class, KNOWN + 9);

    assertThat(context.remembered()).isEqualTo(3);
    // The first three were remembered; the tenth, beyond the limit, was asked for again.
    assertThat(chain.asked).hasSize(11).endsWith(KNOWN + 9);
  }

  @Test
  void forgetsEverythingWhenCachesAreInvalidated() {
    CountingSupport chain = new CountingSupport();
    RememberingWorkerContext context = new RememberingWorkerContext(chain);
    context.fetchResource(ValueSet.class, KNOWN + "a");

    context.invalidateCaches();
    context.fetchResource(ValueSet.class, KNOWN + "a");

    assertThat(chain.asked).containsExactly(KNOWN + "a", KNOWN + "a");
  }

  @Test
  void handsOutOneCopyOfADefinitionWithoutEle1AndLeavesTheSharedOneAlone() {
    DefaultProfileValidationSupport core =
        new DefaultProfileValidationSupport(FhirContext.forR4Cached());
    RememberingWorkerContext context = new RememberingWorkerContext(core);
    String patient = "http://hl7.org/fhir/StructureDefinition/Patient";

    StructureDefinition own = context.fetchResource(StructureDefinition.class, patient);

    assertThat(context.fetchTypeDefinition("Patient")).isSameAs(own);
    assertThat(context.fetchTypeDefinitions("Patient")).contains(own);
    assertThat(constraintKeys(own)).isNotEmpty().doesNotContain(EmptyElementRule.KEY);
    // What HAPI's own validators get from the same chain still has it.
    StructureDefinition shared =
        new WorkerContextValidationSupportAdapter(core)
            .fetchResource(StructureDefinition.class, patient);
    assertThat(shared).isNotSameAs(own);
    assertThat(constraintKeys(shared)).contains(EmptyElementRule.KEY);
  }

  private static List<String> constraintKeys(StructureDefinition definition) {
    return definition.getSnapshot().getElement().stream()
        .flatMap(e -> e.getConstraint().stream())
        .map(c -> c.getKey())
        .toList();
  }
}
