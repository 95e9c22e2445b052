package uk.carelink.world;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Small builders for FHIR datatypes, so the record writers read like the records they write. */
final class FhirValues {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  static final String UCUM = "http://unitsofmeasure.org";

  private FhirValues() {}

  /** A dateTime with seconds and the London offset, always formatted the same way. */
  static DateTimeType dateTime(OffsetDateTime value) {
    return new DateTimeType(DATE_TIME.format(value));
  }

  static DateType date(LocalDate value) {
    return new DateType(value.toString());
  }

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept(new Coding(system, code, display));
  }

  static CodeableConcept concept(Coding coding) {
    return new CodeableConcept(coding.copy());
  }

  static Identifier identifier(String system, String value) {
    return new Identifier().setSystem(system).setValue(value);
  }

  static Reference reference(String type, String id) {
    return new Reference(type + "/" + id);
  }

  static Quantity ucum(double value, String code, String unit) {
    return new Quantity().setValue(value).setSystem(UCUM).setCode(code).setUnit(unit);
  }
}
