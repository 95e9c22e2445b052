package uk.carelink.world;

import java.time.LocalDate;
import uk.carelink.world.ResidentHistory.Person;

/**
 * How an NHS record of the same person differs from the care home's: nicknames, typing slips,
 * married or maiden names, day and month swapped, a missing or mistyped NHS number, another
 * address. Record linkage has to see through this; the rates are in docs/sandbox-world.md.
 */
final class DemographicNoise {

  /** The NHS side's view of a person. */
  record NhsDemographics(
      String given, String family, LocalDate birthDate, String nhsNumber, String postcode) {}

  private DemographicNoise() {}

  static NhsDemographics nhsView(Person person, String careHomePostcode, Rng rng) {
    String given = person.given();
    String family = person.family();
    int nameNoise = rng.weighted(0.84, 0.05, 0.04, 0.04, 0.03);
    switch (nameNoise) {
      case 1 -> given = Names.NICKNAMES.getOrDefault(given, given);
      case 2 -> given = typo(given, rng);
      case 3 -> family = typo(family, rng);
      case 4 -> family = person.birthFamily();
      default -> {}
    }
    LocalDate birthDate = person.birthDate();
    if (rng.chance(0.02)
        && birthDate.getDayOfMonth() <= 12
        && birthDate.getDayOfMonth() != birthDate.getMonthValue()) {
      birthDate =
          LocalDate.of(birthDate.getYear(), birthDate.getDayOfMonth(), birthDate.getMonthValue());
    }
    // The NHS usually knows the number even when the home's record lacks it.
    String nhsNumber =
        person.nhsNumber() != null
            ? person.nhsNumber()
            : rng.chance(0.7) ? NhsNumber.randomTestNumber(rng) : null;
    int numberNoise = rng.weighted(0.92, 0.06, 0.02);
    if (numberNoise == 1) {
      nhsNumber = null;
    } else if (numberNoise == 2 && nhsNumber != null) {
      nhsNumber = transpose(nhsNumber, rng);
    }
    String postcode = rng.chance(0.7) ? careHomePostcode : person.previousPostcode();
    return new NhsDemographics(given, family, birthDate, nhsNumber, postcode);
  }

  /** One slip: two neighbouring letters swapped, or a letter dropped. */
  private static String typo(String name, Rng rng) {
    if (name.length() < 4) {
      return name;
    }
    int at = rng.between(1, name.length() - 2);
    if (rng.chance(0.5)) {
      return name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
    }
    return name.substring(0, at) + name.substring(at + 1);
  }

  /** Two neighbouring digits swapped: a common keying error the check digit usually catches. */
  private static String transpose(String number, Rng rng) {
    int at = rng.between(3, 7);
    return number.substring(0, at)
        + number.charAt(at + 1)
        + number.charAt(at)
        + number.substring(at + 2);
  }
}
