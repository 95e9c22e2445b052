package uk.carelink.world;

/**
 * NHS numbers: ten digits, the last a modulus 11 check digit over the first nine (weights 10..2; 11
 * becomes 0; 10 means the nine digits cannot form a valid number). Synthetic data uses the 999
 * range, which the NHS reserves for test data.
 */
public final class NhsNumber {

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

  /** A valid number in the 999 test range. */
  static String randomTestNumber(Rng rng) {
    while (true) {
      String nine = "999" + String.format("%06d", rng.between(0, 999_999));
      int check = checkDigit(nine);
      if (check >= 0) {
        return nine + check;
      }
    }
  }
}
