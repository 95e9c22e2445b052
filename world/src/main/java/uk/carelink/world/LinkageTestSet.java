package uk.carelink.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import uk.carelink.world.ResidentHistory.Funding;
import uk.carelink.world.ResidentHistory.Person;
import uk.carelink.world.ResidentHistory.Stay;

/**
 * A labelled record-linkage test set: people in care homes, each with the home's Patient and the GP
 * practice's Patient, written by the same record writers as the sandbox world and with the same
 * demographic noise ({@link DemographicNoise}: nicknames, typos, married names, swapped day and
 * month, missing or mistyped NHS numbers). On top of that the set plants the cases linkage gets
 * wrong: twins, residents sharing a surname and birthday in one home, residents sharing a full name
 * and birthday in one home, and NHS numbers the home mistyped. The label of every Patient is the
 * person it belongs to, so any pair of Patients is a true or a false pair. Deterministic by seed.
 */
public final class LinkageTestSet {

  /** Residents per home: homes are where shared surnames, birthdays and twins meet. */
  public static final int RESIDENTS_PER_HOME = 40;

  private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 10, 31);

  /** How a person came into the set. */
  public enum Kind {
    ORDINARY,
    /** Same family, birth date and previous postcode as another resident of the home. */
    TWIN,
    /** Same surname and birth date as another resident of the home, otherwise unrelated. */
    SHARED_SURNAME_AND_BIRTHDAY,
    /** Same given name, surname, sex and birth date as another resident of the home. */
    SAME_NAME_AND_BIRTHDAY
  }

  /** Which party wrote a Patient. */
  public enum Source {
    CARE_HOME,
    GP_PRACTICE
  }

  /** One Patient and the person it belongs to. */
  public record LabelledPatient(
      String person, int home, Kind kind, Source source, Patient patient) {}

  private LinkageTestSet() {}

  /** Two Patients (care home and GP practice) for each of {@code people} people. */
  public static List<LabelledPatient> generate(long seed, int people) {
    WorldParties parties = WorldParties.forCareHomes(1);
    PartyOrganization gp = parties.gpPractice();
    List<LabelledPatient> set = new ArrayList<>(2 * people);
    int homes = (people + RESIDENTS_PER_HOME - 1) / RESIDENTS_PER_HOME;
    for (int home = 1; home <= homes; home++) {
      Rng rng = Rng.forKey(seed, "linkage/home-" + home);
      String homePostcode = Names.postcode(rng);
      PartyOrganization homeParty = WorldParties.forCareHomes(home).careHomes().get(home - 1);
      CareHomeRecords careHome = new CareHomeRecords(homeParty, gp);
      NhsRecords nhs = new NhsRecords(gp, parties.hospital(), homePostcode);
      List<Person> residents = new ArrayList<>();
      int inHome = Math.min(RESIDENTS_PER_HOME, people - (home - 1) * RESIDENTS_PER_HOME);
      for (int bed = 1; bed <= inHome; bed++) {
        String residentId = String.format("lk-h%03d-%02d", home, bed);
        LocalDate admitted = REFERENCE_DATE.minusDays(rng.between(0, 3 * 365));
        Person fresh = People.newPerson(rng, "R" + home + "-" + bed, admitted);
        Kind kind =
            residents.isEmpty()
                ? Kind.ORDINARY
                : Kind.values()[rng.weighted(0.94, 0.02, 0.03, 0.01)];
        Person person =
            kind == Kind.ORDINARY ? fresh : plant(kind, fresh, rng.pick(residents), rng);
        residents.add(person);
        ResidentHistory history =
            new ResidentHistory(
                residentId,
                person,
                new Stay(admitted, null, null, Funding.SELF_FUNDED),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
        Patient homeRecord = careHome.patient(history);
        if (rng.chance(0.02)) {
          mistypeNhsNumber(homeRecord, rng);
        }
        Patient gpRecord = nhs.gpPatient(history, Rng.forKey(seed, "linkage/nhs/" + residentId));
        set.add(new LabelledPatient(residentId, home, kind, Source.CARE_HOME, homeRecord));
        set.add(new LabelledPatient(residentId, home, kind, Source.GP_PRACTICE, gpRecord));
      }
    }
    return set;
  }

  /**
   * A person who resembles {@code other} in the way {@code kind} says; the rest from {@code fresh}.
   */
  private static Person plant(Kind kind, Person fresh, Person other, Rng rng) {
    return switch (kind) {
      case TWIN -> {
        Sex sex = rng.chance(0.5) ? other.sex() : fresh.sex();
        List<String> names = sex == Sex.FEMALE ? Names.FEMALE_GIVEN : Names.MALE_GIVEN;
        String given = rng.pick(names);
        while (given.equals(other.given())) {
          given = rng.pick(names);
        }
        String family =
            sex == Sex.FEMALE && rng.chance(0.8) ? rng.pick(Names.FAMILY) : other.birthFamily();
        yield new Person(
            fresh.residentNumber(),
            given,
            family,
            other.birthFamily(),
            sex,
            other.birthDate(),
            fresh.nhsNumber(),
            null,
            other.previousPostcode(),
            fresh.heightCm());
      }
      case SHARED_SURNAME_AND_BIRTHDAY ->
          new Person(
              fresh.residentNumber(),
              fresh.given(),
              other.family(),
              fresh.sex() == Sex.MALE ? other.family() : fresh.birthFamily(),
              fresh.sex(),
              other.birthDate(),
              fresh.nhsNumber(),
              fresh.chiNumber(),
              fresh.previousPostcode(),
              fresh.heightCm());
      case SAME_NAME_AND_BIRTHDAY ->
          new Person(
              fresh.residentNumber(),
              other.given(),
              other.family(),
              other.sex() == Sex.MALE ? other.family() : fresh.birthFamily(),
              other.sex(),
              other.birthDate(),
              fresh.nhsNumber(),
              null,
              fresh.previousPostcode(),
              fresh.heightCm());
      case ORDINARY -> fresh;
    };
  }

  /** One digit keyed wrong: the modulus 11 check always catches a single substituted digit. */
  private static void mistypeNhsNumber(Patient patient, Rng rng) {
    for (Identifier identifier : patient.getIdentifier()) {
      if (Identifiers.NHS_NUMBER.equals(identifier.getSystem())) {
        String value = identifier.getValue();
        int at = rng.between(3, 9);
        int digit = (value.charAt(at) - '0' + rng.between(1, 9)) % 10;
        identifier.setValue(value.substring(0, at) + digit + value.substring(at + 1));
      }
    }
  }
}
