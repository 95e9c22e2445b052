package uk.carelink.world;

/** Administrative sex as recorded by care homes and the NHS. */
public enum Sex {
  FEMALE("female"),
  MALE("male");

  private final String fhirCode;

  Sex(String fhirCode) {
    this.fhirCode = fhirCode;
  }

  public String fhirCode() {
    return fhirCode;
  }
}
