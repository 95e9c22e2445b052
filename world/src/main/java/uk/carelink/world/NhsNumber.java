package uk.carelink.world;

import java.util.Optional;

/**
 * NHS numbers: ten digits, the last a modulus 11 check digit over the first nine (weights 10..2; 11
 * becomes 0; 10 means the nine digits cannot form a valid number). Synthetic data uses the 999
 * range, which the NHS reserves for test data.
 */
public final class NhsNumber {

  public static final String SYSTEM = Identifiers.NHS_NUMBER;

  private NhsNumber() {}

  /** The check digit for nine leading digits, or -1 when no valid number starts with them. */
  public static int checkDigit(String nineDigits) {
    if (nineDigits.length() != 9 || !nineDigits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("nine digits expected: " + nineDigits);
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }

  public static boolean isValid(String candidate) {
    if (candidate == null
        || candidate.length() != 10
        || !candidate.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int check = checkDigit(candidate.substring(0, 9));
    return check >= 0 && check == candidate.charAt(9) - '0';
  }

  /**
   * The test-range NHS number {@code 999} + the six given digits + check digit, or empty when those
   * digits have no valid check digit.
   */
  public static Optional<String> testNumber(int sixDigits) {
    if (sixDigits < 0 || sixDigits > 999_999) {
      throw new IllegalArgumentException("expected 0..999999: " + sixDigits);
    }
    String nine = "999" + String.format("%06d", sixDigits);
    int check = checkDigit(nine);
    return check < 0 ? Optional.empty() : Optional.of(nine + check);
  }

  /** A valid number in the 999 test range. */
  static String randomTestNumber(Rng rng) {
    while (true) {
      Optional<String> number = testNumber(rng.between(0, 999_999));
      if (number.isPresent()) {
        return number.get();
      }
    }
  }
}
