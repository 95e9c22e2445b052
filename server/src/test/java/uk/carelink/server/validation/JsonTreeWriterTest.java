package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.parser.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON tree the validator reads is the tree HAPI's JSON text of the same resource parses to:
 * every example of the package, and the awkward parts of FHIR JSON in one resource.
 */
class JsonTreeWriterTest {

  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  static Stream<Resource> resources() throws IOException {
    Patient resident = new Patient();
    resident.setId("resident-1");
    resident
        .getText()
        .setStatus(Narrative.NarrativeStatus.GENERATED)
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><b>Ann</b></div>");
    resident.addName().setFamily("Ward").addGiven("Ann").addGiven("Marie");
    // A primitive with an extension and no value, and one with both, in a list.
    resident
        .getNameFirstRep()
        .getGiven()
        .get(1)
        .addExtension("https://example.org/e", new BooleanType(true));
    resident
        .getBirthDateElement()
        .addExtension("https://example.org/why", new StringType("withheld"));
    resident.setDeceased(new BooleanType(false));
    Observation weight = new Observation();
    weight.addContained(resident);
    weight.setSubject(new Reference("#resident-1"));
    weight.setValue(new Quantity().setValueElement(new DecimalType("70.10")).setUnit("kg"));
    weight
        .addComponent()
        .setValue(new Quantity().setValueElement(new DecimalType(new BigDecimal("1E+2"))));
    weight.addComponent().setValue(new IntegerType(3));
    return Stream.concat(
        Stream.of(resident, weight), PackageExamplesTest.loadProfiles().examples().stream());
  }

  @ParameterizedTest
  @MethodSource("resources")
  void buildsTheTreeThatHapisJsonTextParsesTo(Resource resource) throws IOException {
    JsonTreeWriter writer = new JsonTreeWriter();
    ((IJsonLikeParser) CONTEXT.newJsonParser()).encodeResourceToJsonLikeWriter(resource, writer);
    JsonObject tree = writer.tree();

    JsonObject fromText =
        JsonParser.parseObject(CONTEXT.newJsonParser().encodeResourceToString(resource));

    assertThat(JsonParser.compose(tree, false)).isEqualTo(JsonParser.compose(fromText, false));
    assertThat(tree.getStart()).isNotNull();
  }

  @Test
  void aTreeIsOnlyHandedOutWhenTheEncoderHasFinished() {
    JsonTreeWriter writer = new JsonTreeWriter();
    writer.beginObject();
    writer.write("resourceType", "Patient");

    assertThatThrownBy(writer::tree).isInstanceOf(IllegalStateException.class);
    writer.endObject();
    assertThat(writer.tree().asString("resourceType")).isEqualTo("Patient");
  }
}
