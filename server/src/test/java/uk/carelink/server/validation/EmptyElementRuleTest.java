package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's validator reports ele-1 ("All FHIR elements must have a @value or children") exactly
 * as the HL7 validator does when it evaluates the invariant itself: HAPI's stock validator, on the
 * same definitions, is the reference. Also shows that those shared definitions still carry ele-1.
 */
class EmptyElementRuleTest extends ComparedWithStockValidator {

  static Stream<Arguments> resources() {
    return Stream.of(
        // A primitive with nothing but an id.
        arguments(
            1,
            """
            {"resourceType":"Patient","_birthDate":{"id":"b"},"gender":"female"}"""),
        // The second item of a list, and a complex element with only an id (which passes).
        arguments(
            1,
            """
            {"resourceType":"Patient","name":[{"given":["Ann",null],"_given":[null,{"id":"g"}]},\
            {"id":"n"}]}"""),
        // A choice-type value inside an extension.
        arguments(
            1,
            """
            {"resourceType":"Patient","extension":[{"url":"https://example.org/e",\
            "_valueString":{"id":"s"}}]}"""),
        // Inside a contained resource, which itself carries no ele-1.
        arguments(
            1,
            """
            {"resourceType":"Patient","contained":[{"resourceType":"Patient","id":"p",\
            "_gender":{"id":"z"}}],"generalPractitioner":[{"reference":"#p"}]}"""),
        // Two at once, beside a narrative (an xhtml element).
        arguments(
            2,
            """
            {"resourceType":"Observation","text":{"status":"generated","div":\
            "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Weight</div>"},"status":"final",\
            "code":{"text":"weight","coding":[{"system":"http://loinc.org","_code":{"id":"c"}}]},\
            "_issued":{"id":"i"}}"""),
        // Nothing empty.
        arguments(
            0,
            """
            {"resourceType":"Patient","birthDate":"1936-02-11","name":[{"family":"Ward"}]}"""));
  }

  @ParameterizedTest
  @MethodSource("resources")
  void reportsWhatTheValidatorsOwnEvaluationReports(int expected, String json) {
    String type = json.replaceFirst("^\\{\"resourceType\":\"(\\w+)\".*", "$1");
    List<String> ours =
        validators
            .validate(json, List.of("http://hl7.org/fhir/StructureDefinition/" + type))
            .stream()
            .filter(m -> (EmptyElementRule.SOURCE + "#ele-1").equals(m.getMessageId()))
            .map(EmptyElementRuleTest::describe)
            .sorted()
            .toList();
    List<String> reference =
        stock.validateWithResult(json).getMessages().stream()
            .filter(m -> (EmptyElementRule.SOURCE + "#ele-1").equals(m.getMessageId()))
            .map(EmptyElementRuleTest::describe)
            .sorted()
            .toList();

    assertThat(ours).hasSize(expected).isEqualTo(reference);
  }

  @Test
  void aListItemHapiWroteAsABareNullIsReportedNotThrown() {
    // What HAPI's encoder writes for "given": ["Ann", null], "_given": [null, {"id": "g"}]: the
    // element-model parser fails on it, so the walk over the parsed resource never sees it.
    String json =
        """
        {"resourceType":"Patient","name":[{"given":["Ann",null]}],"contained":[{"resourceType":\
        "Patient","id":"p","name":[{"given":[null,"Bo"],"_given":[{"id":"x"},null]}]}]}""";

    List<String> errors =
        validators
            .validate(json, List.of("http://hl7.org/fhir/StructureDefinition/Patient"))
            .stream()
            .map(m -> m.getLevel() + " " + m.getLocation() + " " + m.getMessageId())
            .toList();

    String ele1 = " " + EmptyElementRule.SOURCE + "#ele-1";
    assertThat(errors)
        .containsExactly(
            "ERROR Patient.name[0].given[1]" + ele1,
            "ERROR Patient.contained[0]/*Patient/p*/.name[0].given[0]" + ele1);
  }

  private static String describe(ValidationMessage message) {
    return message.getLevel() + " " + message.getLocation() + " " + message.getMessage();
  }

  private static String describe(SingleValidationMessage message) {
    return message.getSeverity().name()
        + " "
        + message.getLocationString()
        + " "
        + message.getMessage();
  }
}
