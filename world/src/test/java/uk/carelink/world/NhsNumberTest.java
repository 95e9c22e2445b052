package uk.carelink.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NhsNumberTest {

  @Test
  void acceptsAPublishedExampleAndRejectsItsNeighbours() {
    assertThat(NhsNumber.isValid("9434765919")).isTrue();
    assertThat(NhsNumber.isValid("9434765918")).isFalse();
    assertThat(NhsNumber.isValid("943476591")).isFalse();
    assertThat(NhsNumber.isValid("94347659I9")).isFalse();
  }

  @Test
  void nineDigitsWhoseCheckWouldBeTenFormNoNumber() {
    // Weighted sums 2, 10, 0 and 12: 11 - (sum mod 11) gives 9, 1, 11 → 0, and 10 → invalid.
    assertThat(NhsNumber.checkDigit("000000001")).isEqualTo(9);
    assertThat(NhsNumber.checkDigit("100000000")).isEqualTo(1);
    assertThat(NhsNumber.checkDigit("000000000")).isEqualTo(0);
    assertThat(NhsNumber.checkDigit("000000006")).isEqualTo(-1);
  }

  @Test
  void generatedNumbersAreValidAndInTheTestRange() {
    Rng rng = Rng.forKey(7, "nhs");
    for (int i = 0; i < 1_000; i++) {
      String number = NhsNumber.randomTestNumber(rng);
      assertThat(number).startsWith("999").hasSize(10);
      assertThat(NhsNumber.isValid(number)).as(number).isTrue();
    }
  }

  @Test
  void chiNumbersCarryBirthDateSexAndAValidCheckDigit() {
    Rng rng = Rng.forKey(7, "chi");
    LocalDate birth = LocalDate.of(1938, 3, 9);
    for (int i = 0; i < 200; i++) {
      String female = ChiNumber.random(birth, Sex.FEMALE, rng);
      String male = ChiNumber.random(birth, Sex.MALE, rng);
      assertThat(female).startsWith("090338");
      assertThat((female.charAt(8) - '0') % 2).isZero();
      assertThat((male.charAt(8) - '0') % 2).isOne();
      assertThat(ChiNumber.isValid(female)).isTrue();
      assertThat(ChiNumber.isValid(male)).isTrue();
    }
  }

  @Test
  void checkDigitOfKnownNumbers() {
    // 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9
    assertThat(NhsNumber.checkDigit("943476591")).isEqualTo(9);
    assertThat(NhsNumber.isValid("9434765919")).isTrue();
    // 9*10+9*9+9*8+1*2 = 245; 245 mod 11 = 3; 11 - 3 = 8
    assertThat(NhsNumber.checkDigit("999000001")).isEqualTo(8);
    assertThat(NhsNumber.isValid("9990000018")).isTrue();
  }

  @Test
  void remainderZeroGivesCheckDigitZero() {
    // 243 + 5*2 = 253 = 23 * 11, so 11 - 0 = 11 becomes 0
    assertThat(NhsNumber.checkDigit("999000005")).isZero();
    assertThat(NhsNumber.isValid("9990000050")).isTrue();
  }

  @Test
  void checkDigitTenMeansNoValidNumber() {
    // 9*10+9*9+9*8 = 243; 243 mod 11 = 1; 11 - 1 = 10
    assertThat(NhsNumber.checkDigit("999000000")).isEqualTo(-1);
    assertThat(NhsNumber.testNumber(0)).isEmpty();
    for (int d = 0; d <= 9; d++) {
      assertThat(NhsNumber.isValid("999000000" + d)).isFalse();
    }
  }

  @Test
  void rejectsWrongCheckDigitAndMalformedInput() {
    assertThat(NhsNumber.isValid("9434765918")).isFalse();
    assertThat(NhsNumber.isValid("943476591")).isFalse();
    assertThat(NhsNumber.isValid("94347659190")).isFalse();
    assertThat(NhsNumber.isValid("943 476 5919")).isFalse();
    assertThat(NhsNumber.isValid(null)).isFalse();
    assertThatThrownBy(() -> NhsNumber.checkDigit("12345678"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void testNumbersAreInThe999RangeAndValid() {
    assertThat(NhsNumber.testNumber(1)).contains("9990000018");
    int produced = 0;
    for (int i = 0; i < 2000; i++) {
      var n = NhsNumber.testNumber(i);
      if (n.isPresent()) {
        produced++;
        assertThat(n.get()).hasSize(10).startsWith("999");
        assertThat(NhsNumber.isValid(n.get())).isTrue();
      }
    }
    // roughly one in eleven prefixes has no valid check digit
    assertThat(produced).isBetween(1700, 1900);
  }
}
