package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.UserDataNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settled definitions answer every question they answer from memory exactly as the definition they
 * were copied from, for every CareLink profile and the core types they use.
 */
class SettledDefinitionsTest {

  private static WorkerContextValidationSupportAdapter shared;

  @BeforeAll
  static void load() throws IOException {
    PackageExamplesTest.loadPackage();
    shared =
        new WorkerContextValidationSupportAdapter(
            PackageExamplesTest.validator.validationSupport());
  }

  static Stream<String> definitions() throws IOException {
    PackageExamplesTest.loadPackage();
    List<String> urls = new ArrayList<>();
    PackageExamplesTest.profiles.examples().stream()
        .flatMap(r -> r.getMeta().getProfile().stream())
        .map(p -> p.getValue())
        .distinct()
        .forEach(urls::add);
    for (String type :
        List.of(
            "Patient",
            "Observation",
            "Organization",
            "EpisodeOfCare",
            "MedicationAdministration",
            "Identifier",
            "CodeableConcept",
            "Coding",
            "Quantity",
            "Reference",
            "Extension",
            "Meta",
            "HumanName")) {
      urls.add("http://hl7.org/fhir/StructureDefinition/" + type);
    }
    return urls.stream();
  }

  @ParameterizedTest
  @MethodSource("definitions")
  void answersAsTheDefinitionItWasCopiedFrom(String url) {
    StructureDefinition original = shared.fetchResource(StructureDefinition.class, url);
    assertThat(original).as(url).isNotNull();

    StructureDefinition settled = SettledDefinitions.settle(original);

    assertThat(settled.hasSnapshot()).isEqualTo(original.hasSnapshot()).isTrue();
    assertThat(settled.hasVersion()).isEqualTo(original.hasVersion());
    assertThat(settled.getVersionedUrl()).isEqualTo(original.getVersionedUrl());
    List<ElementDefinition> copies = settled.getSnapshot().getElement();
    List<ElementDefinition> originals = original.getSnapshot().getElement();
    assertThat(copies).hasSameSizeAs(originals);
    for (int i = 0; i < copies.size(); i++) {
      ElementDefinition copy = copies.get(i);
      ElementDefinition source = originals.get(i);
      assertThat(copy).isInstanceOf(SettledDefinitions.SettledElementDefinition.class);
      assertThat(copy.getType()).allMatch(SettledDefinitions.SettledTypeRef.class::isInstance);
      assertThat(copy.equalsDeep(source)).as(source.getId()).isTrue();
      assertThat(answers(copy)).as(source.getId()).isEqualTo(answers(source));
    }
  }

  @Test
  void aSliceExpressionWritesTheTextOfTheExpressionItKeepsAndEvaluatesAlike() {
    FHIRPathEngine engine = new FHIRPathEngine(shared);
    ExpressionNode parsed =
        engine.parse("(system = 'https://fhir.nhs.uk/Id/nhs-number') and value.exists()");
    ElementDefinition slice =
        new SettledDefinitions.SettledElementDefinition(new ElementDefinition("Identifier"));

    slice.setUserData(UserDataNames.validator_slice_expression_cache, parsed);
    Object kept = slice.getUserData(UserDataNames.validator_slice_expression_cache);

    assertThat(kept).isInstanceOf(SettledDefinitions.SliceExpression.class);
    assertThat(kept.toString()).isEqualTo(parsed.toString());
    org.hl7.fhir.r5.model.Identifier nhs =
        new org.hl7.fhir.r5.model.Identifier()
            .setSystem("https://fhir.nhs.uk/Id/nhs-number")
            .setValue("9434765919");
    org.hl7.fhir.r5.model.Identifier other =
        new org.hl7.fhir.r5.model.Identifier().setSystem("https://example.org").setValue("1");
    for (Base identifier : List.of(nhs, other)) {
      assertThat(
              engine.evaluateToBoolean(
                  null, identifier, identifier, identifier, (ExpressionNode) kept))
          .isEqualTo(engine.evaluateToBoolean(null, identifier, identifier, identifier, parsed));
    }
    assertThat(engine.evaluateToBoolean(null, nhs, nhs, nhs, (ExpressionNode) kept)).isTrue();
    // Other user data is kept as given.
    slice.setUserData("other", new StringType("x"));
    assertThat(slice.getUserData("other")).isInstanceOf(StringType.class);
  }

  private static List<Object> answers(ElementDefinition e) {
    return List.of(
        e.hasId(),
        e.getMin(),
        e.hasMax(),
        e.hasSlicing(),
        e.hasSliceName(),
        e.hasFixed(),
        e.hasPattern(),
        e.hasBinding(),
        e.hasMaxLength(),
        e.getMustSupport(),
        e.getIsModifier(),
        e.getBase().hasMax(),
        String.valueOf(e.getBase().getMax()),
        e.getType().stream().map(t -> t.hasCodeElement() + " " + t.getWorkingCode()).toList());
  }
}
