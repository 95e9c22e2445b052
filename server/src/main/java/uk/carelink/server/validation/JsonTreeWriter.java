package uk.carelink.server.validation;

import ca.uhn.fhir.parser.json.BaseJsonLikeWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import org.hl7.fhir.utilities.json.model.JsonArray;
import org.hl7.fhir.utilities.json.model.JsonBoolean;
import org.hl7.fhir.utilities.json.model.JsonElement;
import org.hl7.fhir.utilities.json.model.JsonLocationData;
import org.hl7.fhir.utilities.json.model.JsonNull;
import org.hl7.fhir.utilities.json.model.JsonNumber;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.model.JsonString;

/**
 * Receives what HAPI's JSON encoder writes and builds the HL7 JSON tree the validator's element
 * model is parsed from, instead of JSON text that the HL7 parser would read back character by
 * character. The tree is what the text would parse to, but for positions: every element is at line
 * 1, column 1 (HAPI writes one line, and no message of this server shows positions). Decimals keep
 * the text HAPI gives them, as the text would.
 */
final class JsonTreeWriter extends BaseJsonLikeWriter {

  /** Where every element is: one object for all, which the parser only reads. */
  private final JsonLocationData nowhere = new JsonLocationData(1, 1);

  private final Deque<JsonElement> open = new ArrayDeque<>();
  private JsonObject root;

  /** The resource written, once the encoder has finished. */
  JsonObject tree() {
    if (root == null || !open.isEmpty()) {
      throw new IllegalStateException("The encoder has not finished writing a resource");
    }
    return root;
  }

  @Override
  public BaseJsonLikeWriter init() {
    return this;
  }

  @Override
  public BaseJsonLikeWriter flush() {
    return this;
  }

  @Override
  public void close() {
    // Nothing to release: the tree stays in memory.
  }

  @Override
  public BaseJsonLikeWriter beginObject() {
    JsonObject object = placed(new JsonObject());
    if (open.isEmpty() && root == null) {
      root = object;
    } else {
      array().add(object);
    }
    open.push(object);
    return this;
  }

  @Override
  public BaseJsonLikeWriter beginObject(String name) {
    return open(name, new JsonObject());
  }

  @Override
  public BaseJsonLikeWriter beginArray(String name) {
    return open(name, new JsonArray());
  }

  /** A named object or array, written into until its end. */
  private BaseJsonLikeWriter open(String name, JsonElement container) {
    property(name, container);
    open.push(container);
    return this;
  }

  @Override
  public BaseJsonLikeWriter write(String value) {
    return item(string(value));
  }

  @Override
  public BaseJsonLikeWriter write(BigInteger value) {
    return item(number(value));
  }

  @Override
  public BaseJsonLikeWriter write(BigDecimal value) {
    return item(number(value));
  }

  @Override
  public BaseJsonLikeWriter write(long value) {
    return item(new JsonNumber(value));
  }

  @Override
  public BaseJsonLikeWriter write(double value) {
    return item(new JsonNumber(Double.toString(value)));
  }

  @Override
  public BaseJsonLikeWriter write(Boolean value) {
    return item(bool(value));
  }

  @Override
  public BaseJsonLikeWriter write(boolean value) {
    return item(new JsonBoolean(value));
  }

  @Override
  public BaseJsonLikeWriter writeNull() {
    return item(new JsonNull());
  }

  @Override
  public BaseJsonLikeWriter write(String name, String value) {
    return property(name, string(value));
  }

  @Override
  public BaseJsonLikeWriter write(String name, BigInteger value) {
    return property(name, number(value));
  }

  @Override
  public BaseJsonLikeWriter write(String name, BigDecimal value) {
    return property(name, number(value));
  }

  @Override
  public BaseJsonLikeWriter write(String name, long value) {
    return property(name, new JsonNumber(value));
  }

  @Override
  public BaseJsonLikeWriter write(String name, double value) {
    return property(name, new JsonNumber(Double.toString(value)));
  }

  @Override
  public BaseJsonLikeWriter write(String name, Boolean value) {
    return property(name, bool(value));
  }

  @Override
  public BaseJsonLikeWriter write(String name, boolean value) {
    return property(name, new JsonBoolean(value));
  }

  @Override
  public BaseJsonLikeWriter endObject() {
    object();
    open.pop();
    return this;
  }

  @Override
  public BaseJsonLikeWriter endArray() {
    array();
    open.pop();
    return this;
  }

  @Override
  public BaseJsonLikeWriter endBlock() {
    open.pop();
    return this;
  }

  private static JsonElement string(String value) {
    return value == null ? new JsonNull() : new JsonString(value);
  }

  private static JsonElement bool(Boolean value) {
    return value == null ? new JsonNull() : new JsonBoolean(value);
  }

  /** As Jackson writes a number given as an object: a decimal's own text (HAPI sets it). */
  private static JsonElement number(Object value) {
    return value == null ? new JsonNull() : new JsonNumber(value.toString());
  }

  private BaseJsonLikeWriter item(JsonElement value) {
    array().add(placed(value));
    return this;
  }

  private BaseJsonLikeWriter property(String name, JsonElement value) {
    object().add(name, placed(value));
    return this;
  }

  private <T extends JsonElement> T placed(T element) {
    element.setStart(nowhere);
    element.setEnd(nowhere);
    return element;
  }

  private JsonObject object() {
    if (open.peek() instanceof JsonObject object) {
      return object;
    }
    throw new IllegalStateException("The encoder wrote a named value outside an object");
  }

  private JsonArray array() {
    if (open.peek() instanceof JsonArray array) {
      return array;
    }
    throw new IllegalStateException("The encoder wrote an unnamed value outside an array");
  }
}
