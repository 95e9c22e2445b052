package uk.carelink.mappings.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;

/**
 * One checked CSV row as the source of a StructureMap: an instance of the format's logical model,
 * whose elements are the columns (by their element names, typed) plus the ingest context: {@code
 * home} (the uploading care home's regulator id), {@code keyBase} (the identifier system prefix of
 * that home's records, ending in '/'), {@code homeReference} (a search URL for the home's
 * Organization), {@code homeSystem} and {@code rowNumber}.
 */
final class SourceRow extends Base {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final Map<String, Base> elements;

  SourceRow(String type, Map<String, Base> elements) {
    this.type = type;
    this.elements = new LinkedHashMap<>(elements);
  }

  @Override
  public String fhirType() {
    return type;
  }

  @Override
  protected void listChildren(List<Property> children) {
    for (Map.Entry<String, Base> element : elements.entrySet()) {
      Base value = element.getValue();
      children.add(
          new Property(
              element.getKey(),
              value == null ? "string" : value.fhirType(),
              "column " + element.getKey(),
              0,
              1,
              value == null ? List.of() : List.of(value)));
    }
  }

  @Override
  public Base[] getProperty(int hash, String name, boolean checkValid) throws FHIRException {
    if (!elements.containsKey(name)) {
      if (checkValid) {
        throw new FHIRException("The row type " + type + " has no element " + name);
      }
      return new Base[0];
    }
    Base value = elements.get(name);
    return value == null ? new Base[0] : new Base[] {value};
  }

  @Override
  public String getIdBase() {
    return null;
  }

  @Override
  public void setIdBase(String value) {
    throw new UnsupportedOperationException("A source row has no id");
  }

  @Override
  public Base copy() {
    return new SourceRow(type, elements);
  }

  @Override
  public boolean isEmpty() {
    return elements.values().stream().allMatch(v -> v == null || v.isEmpty());
  }
}
