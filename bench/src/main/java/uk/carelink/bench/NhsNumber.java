package uk.carelink.bench;

import java.util.Optional;

/**
 * NHS numbers: ten digits, the tenth a modulus 11 check digit over the first nine (weights 10..2;
 * check = 11 - (sum mod 11); 11 becomes 0; 10 means the nine digits have no valid number). Numbers
 * starting 999 are reserved for test data, so synthetic data uses only those.
 */
public final class NhsNumber {
  public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  private NhsNumber() {}

  /**
   * Check digit for nine leading digits.
   *
   * @return 0..9, or -1 when the nine digits cannot form a valid NHS number
   */
  public static int checkDigit(String nineDigits) {
    if (nineDigits == null || !nineDigits.matches("[0-9]{9}")) {
      throw new IllegalArgumentException("expected nine digits: " + nineDigits);
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }

  /** True when the value is ten digits whose last digit is the right check digit. */
  public static boolean isValid(String value) {
    if (value == null || !value.matches("[0-9]{10}")) {
      return false;
    }
    int check = checkDigit(value.substring(0, 9));
    return check >= 0 && check == value.charAt(9) - '0';
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
}
