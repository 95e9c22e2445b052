package uk.carelink.world;

import java.time.LocalDate;
import uk.carelink.world.ResidentHistory.Person;

/** Draws a new resident as the care home records them: sex, age, names, numbers, postcode. */
final class People {

  private People() {}

  static Person newPerson(Rng rng, String residentNumber, LocalDate admittedOn) {
    Sex sex = rng.chance(0.70) ? Sex.FEMALE : Sex.MALE;
    int ageAtAdmission = (int) Math.round(Math.max(65, Math.min(101, rng.gaussian(84, 7))));
    LocalDate birthDate = admittedOn.minusYears(ageAtAdmission).minusDays(rng.between(0, 364));
    String given = rng.pick(sex == Sex.FEMALE ? Names.FEMALE_GIVEN : Names.MALE_GIVEN);
    String family = rng.pick(Names.FAMILY);
    String birthFamily = sex == Sex.FEMALE && rng.chance(0.8) ? rng.pick(Names.FAMILY) : family;
    // A few residents have no NHS number on the home's record; a few moved from Scotland.
    String nhsNumber = rng.chance(0.94) ? NhsNumber.randomTestNumber(rng) : null;
    String chiNumber = rng.chance(0.06) ? ChiNumber.random(birthDate, sex, rng) : null;
    double heightCm = sex == Sex.FEMALE ? rng.gaussian(159, 6) : rng.gaussian(172, 7);
    return new Person(
        residentNumber,
        given,
        family,
        birthFamily,
        sex,
        birthDate,
        nhsNumber,
        chiNumber,
        Names.postcode(rng),
        Math.round(heightCm * 10) / 10.0);
  }
}
