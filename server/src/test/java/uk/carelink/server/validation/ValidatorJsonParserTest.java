package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The server's parser ({@link ValidatorJsonParser}) builds the same elements and reports the same
 * problems as the HL7 element-model parser it extends, on every package example, every invalid case
 * and resources with contained resources, bundle entries, choice types, content references and JSON
 * the parser must complain about; and its elements carry their types ({@link SettledElementTypes}).
 */
class ValidatorJsonParserTest {

  private static RememberingWorkerContext context;

  @BeforeAll
  static void loadPackage() throws IOException {
    PackageExamplesTest.loadPackage();
    context = new RememberingWorkerContext(PackageExamplesTest.validator.validationSupport());
  }

  static Stream<Arguments> resources() throws IOException {
    List<Resource> examples = PackageExamplesTest.loadProfiles().examples();
    Stream<Arguments> packaged =
        Stream.concat(
            examples.stream().map(e -> arguments(e.fhirType() + "/" + e.getIdPart(), json(e))),
            InvalidCases.all().map(c -> arguments(c.name(), json(c.instance(examples)))));
    Stream<Arguments> shapes =
        Stream.of(
            arguments(
                "contained resource and choice types",
                """
                {"resourceType":"Observation","contained":[{"resourceType":"Patient","id":"p",\
                "birthDate":"1936-02-11"}],"status":"final","code":{"text":"weight"},\
                "subject":{"reference":"#p"},"effectiveDateTime":"2026-12-01",\
                "valueQuantity":{"value":61.5,"unit":"kg"},"extension":[{"url":\
                "https://example.org/e","valueBoolean":true}]}"""),
            arguments(
                "content reference (Questionnaire.item.item)",
                """
                {"resourceType":"Questionnaire","status":"draft","item":[{"linkId":"1",\
                "type":"group","item":[{"linkId":"1.1","type":"string","text":"Name"}]}]}"""),
            arguments(
                "bundle entries",
                """
                {"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":\
                "urn:uuid:0b0c1e2a-5d2f-4c55-9f1e-7d7b4c1f0a01","resource":{"resourceType":\
                "Patient","gender":"female"},"request":{"method":"POST","url":"Patient"}}]}"""),
            arguments(
                "a primitive extension without a value, and a property no Patient has",
                """
                {"resourceType":"Patient","_birthDate":{"extension":[{"url":\
                "https://example.org/e","valueString":"about 1936"}]},"nickname":"Bo"}"""),
            arguments(
                "values of the wrong JSON kind",
                """
                {"resourceType":"Patient","gender":{"code":"female"},"name":"Ann",\
                "active":"yes","birthDate":19360211}"""));
    return Stream.concat(packaged, shapes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void parsesAsTheHl7ParserDoes(String name, String json) throws IOException {
    List<String> plainMessages = new ArrayList<>();
    Element plain = parse(new JsonParser(context), json, plainMessages);
    List<String> ourMessages = new ArrayList<>();
    Element ours =
        parse(
            new ValidatorJsonParser(context, new ConcurrentHashMap<>(), new AbsentProperties()),
            json,
            ourMessages);

    assertThat(ourMessages).isEqualTo(plainMessages);
    assertThat(describe(ours, "")).isNotEmpty().isEqualTo(describe(plain, ""));
    assertThat(unsettled(ours, "")).isEmpty();
    assertThat(unsettled(plain, "")).isNotEmpty();
  }

  private static Element parse(JsonParser parser, String json, List<String> messages)
      throws IOException {
    parser.setupValidation(ValidationPolicy.EVERYTHING);
    JsonObject object = org.hl7.fhir.utilities.json.parser.JsonParser.parseObject(json, true);
    List<ValidationMessage> found = new ArrayList<>();
    Element resource = parser.parse(found, object);
    found.forEach(m -> messages.add(m.getLevel() + " " + m.getLocation() + " " + m.getMessage()));
    assertThat(resource).isNotNull();
    return resource;
  }

  /** Every element below {@code element}: its path, type, definition, value and position. */
  private static List<String> describe(Element element, String path) {
    List<String> described = new ArrayList<>();
    if (element.hasChildren()) {
      int index = 0;
      for (Element child : element.getChildren()) {
        String childPath = path + "/" + child.getName() + "[" + index++ + "]";
        described.add(
            childPath
                + ": "
                + child.getType()
                + " "
                + child.getProperty().getDefinition().getId()
                + " = "
                + child.getValue()
                + " at "
                + child.line()
                + ":"
                + child.col());
        described.addAll(describe(child, childPath));
      }
    }
    return described;
  }

  /** Elements whose definition allows one type but that do not carry it themselves. */
  private static List<String> unsettled(Element element, String path) {
    List<String> unsettled = new ArrayList<>();
    if (element.hasChildren()) {
      int index = 0;
      for (Element child : element.getChildren()) {
        String childPath = path + "/" + child.getName() + "[" + index++ + "]";
        if (child.getProperty().getDefinition().getType().size() == 1
            && ReflectionTestUtils.getField(child, "type") == null) {
          unsettled.add(childPath);
        }
        unsettled.addAll(unsettled(child, childPath));
      }
    }
    return unsettled;
  }

  private static String json(Resource resource) {
    return PackageExamplesTest.CONTEXT.newJsonParser().encodeResourceToString(resource);
  }
}
