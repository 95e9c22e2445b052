package uk.carelink.world;

import static org.assertj.core.api.Assertions.assertThat;

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
}
