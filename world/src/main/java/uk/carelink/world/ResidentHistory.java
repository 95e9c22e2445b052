package uk.carelink.world;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What happened to one resident during the world's history, before it becomes FHIR: who they are,
 * their stay, what the home recorded and which hospital visits followed. Both the care home's and
 * the NHS side's records are written from the same history, so they line up in time.
 */
public record ResidentHistory(
    String residentId,
    Person person,
    Stay stay,
    List<Weight> weights,
    List<MustScore> mustScores,
    List<Score> waterlowScores,
    List<Score> frailtyScores,
    List<News2> news2Scores,
    List<Fall> falls,
    List<HospitalVisit> hospitalVisits,
    List<MedicationRound> medicationRounds,
    Death death) {

  public ResidentHistory {
    weights = List.copyOf(weights);
    mustScores = List.copyOf(mustScores);
    waterlowScores = List.copyOf(waterlowScores);
    frailtyScores = List.copyOf(frailtyScores);
    news2Scores = List.copyOf(news2Scores);
    falls = List.copyOf(falls);
    hospitalVisits = List.copyOf(hospitalVisits);
    medicationRounds = List.copyOf(medicationRounds);
  }

  /** The person as the care home knows them. */
  public record Person(
      String residentNumber,
      String given,
      String family,
      String birthFamily,
      Sex sex,
      LocalDate birthDate,
      String nhsNumber,
      String chiNumber,
      String previousPostcode,
      double heightCm) {}

  /** The stay in the home; {@code ended} and {@code endReason} are null while it goes on. */
  public record Stay(
      LocalDate admitted, LocalDate ended, StayEndReason endReason, Funding funding) {}

  public enum StayEndReason {
    DIED,
    HOSPITAL,
    OTHER_CARE_HOME
  }

  public enum Funding {
    LOCAL_AUTHORITY,
    SELF_FUNDED,
    NHS_CONTINUING_CARE
  }

  public record Weight(OffsetDateTime at, double kilograms) {}

  /** Malnutrition Universal Screening Tool: BMI, weight-loss and acute-disease scores. */
  public record MustScore(OffsetDateTime at, int bmiScore, int weightLossScore, int acuteScore) {
    public int total() {
      return bmiScore + weightLossScore + acuteScore;
    }
  }

  /** A single scored assessment (Waterlow, Clinical Frailty Scale). */
  public record Score(OffsetDateTime at, int value) {}

  /** A fall and, if one followed, the index of the hospital visit in {@link #hospitalVisits}. */
  public record Fall(
      OffsetDateTime at,
      FallPlace place,
      boolean witnessed,
      FallInjury injury,
      Integer hospitalVisitIndex) {}

  public enum FallPlace {
    BEDROOM,
    BATHROOM,
    LOUNGE,
    CORRIDOR,
    GARDEN
  }

  public enum FallInjury {
    NONE,
    MINOR,
    MODERATE,
    SEVERE
  }

  /**
   * An A&amp;E attendance, and the admission that followed it if any.
   *
   * @param cause what sent the resident to hospital
   * @param arrived arrival at A&amp;E
   * @param departed departure from A&amp;E (home, or to a ward)
   * @param admission the inpatient stay, or null
   */
  public record HospitalVisit(
      VisitCause cause, OffsetDateTime arrived, OffsetDateTime departed, Admission admission) {}

  public enum VisitCause {
    FALL,
    DETERIORATION,
    OTHER
  }

  /** An inpatient stay; {@code end} is null while the resident is still on the ward. */
  public record Admission(OffsetDateTime start, OffsetDateTime end, boolean diedInHospital) {}

  public record MedicationRound(
      OffsetDateTime scheduled,
      OffsetDateTime administered,
      Medicine medicine,
      RoundOutcome outcome) {}

  public enum RoundOutcome {
    GIVEN,
    REFUSED,
    IN_HOSPITAL,
    NOT_AVAILABLE
  }

  public record Death(OffsetDateTime at, PlaceOfDeath place) {}

  public enum PlaceOfDeath {
    CARE_HOME,
    HOSPITAL
  }
}
