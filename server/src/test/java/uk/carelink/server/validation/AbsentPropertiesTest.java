package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.Property;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.model.JsonProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which of a Patient's properties a JSON object certainly does not have. */
class AbsentPropertiesTest {

  private static List<Property> patientProperties;

  @BeforeAll
  static void loadPatientProperties() throws IOException {
    PackageExamplesTest.loadPackage();
    RememberingWorkerContext context =
        new RememberingWorkerContext(PackageExamplesTest.validator.validationSupport());
    Element patient =
        new JsonParser(context).parse(new ArrayList<>(), object("{\"resourceType\":\"Patient\"}"));
    patientProperties = patient.getProperty().getChildProperties("Patient", null);
  }

  @Test
  void aPropertyWithNeitherItsNameNorItsPrimitiveExtensionIsAbsent() throws IOException {
    AbsentProperties absent = new AbsentProperties();
    List<JsonProperty> children = object("{\"gender\":\"female\"}").getProperties();

    assertThat(absent.certainlyAbsent(property("birthDate"), children)).isTrue();
    assertThat(absent.certainlyAbsent(property("name"), children)).isTrue();
    assertThat(absent.certainlyAbsent(property("gender"), children)).isFalse();
  }

  @Test
  void aPrimitiveExtensionAloneMakesThePropertyPresent() throws IOException {
    List<JsonProperty> children = object("{\"_birthDate\":{\"id\":\"b\"}}").getProperties();

    assertThat(new AbsentProperties().certainlyAbsent(property("birthDate"), children)).isFalse();
  }

  @Test
  void aPropertyTheParserHasReadAlreadyDoesNotCount() throws IOException {
    List<JsonProperty> children = object("{\"gender\":\"female\"}").getProperties();
    children.get(0).setTag(1);

    assertThat(new AbsentProperties().certainlyAbsent(property("gender"), children)).isTrue();
  }

  @Test
  void choicePropertiesAreNeverReportedAbsent() throws IOException {
    List<JsonProperty> children = object("{\"gender\":\"female\"}").getProperties();

    assertThat(new AbsentProperties().certainlyAbsent(property("deceased[x]"), children)).isFalse();
  }

  @Test
  void namesAreWorkedOutOncePerDefinition() throws IOException {
    AbsentProperties absent = new AbsentProperties();
    List<JsonProperty> children = object("{\"gender\":\"female\"}").getProperties();

    absent.certainlyAbsent(property("birthDate"), children);
    absent.certainlyAbsent(property("birthDate"), children);
    absent.certainlyAbsent(property("name"), children);

    assertThat(absent.remembered()).isEqualTo(2);
  }

  private static Property property(String name) {
    return patientProperties.stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Patient has no " + name));
  }

  private static JsonObject object(String json) throws IOException {
    return org.hl7.fhir.utilities.json.parser.JsonParser.parseObject(json, true);
  }
}
