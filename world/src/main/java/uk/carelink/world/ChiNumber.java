package uk.carelink.world;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Scottish CHI numbers: birth date as ddmmyy, two digits, a sex digit (odd male, even female) and a
 * modulus 11 check digit computed as for NHS numbers.
 */
public final class ChiNumber {

  private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

  private ChiNumber() {}

  public static boolean isValid(String candidate) {
    return NhsNumber.isValid(candidate);
  }

  static String random(LocalDate birthDate, Sex sex, Rng rng) {
    while (true) {
      int sexDigit = 2 * rng.between(0, 4) + (sex == Sex.MALE ? 1 : 0);
      String nine = birthDate.format(DDMMYY) + String.format("%02d", rng.between(0, 99)) + sexDigit;
      int check = NhsNumber.checkDigit(nine);
      if (check >= 0) {
        return nine + check;
      }
    }
  }
}
