package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartScopeTest {

  @ParameterizedTest(name = "{0} grants {2} on {1}")
  @CsvSource({
    "system/Observation.cr, Observation, cr",
    "system/*.rs, *, rs",
    "user/Patient.rs, Patient, rs",
    "system/Patient.cruds, Patient, cruds",
    "system/Patient.read, Patient, rs",
    "user/Observation.write, Observation, cud",
    "system/*.*, *, cruds",
  })
  void scopesGrantTheirLetters(String scope, String type, String letters) {
    SmartScope parsed = SmartScope.parse(scope).orElseThrow();

    assertThat(parsed.resourceType()).isEqualTo(type);
    assertThat(parsed.interactions()).isEqualTo(interactions(letters));
  }

  @ParameterizedTest(name = "{0} grants nothing")
  @CsvSource({
    "patient/Patient.rs",
    "system/Observation.rs?category=laboratory",
    "system/Patient.sr",
    "system/Patient.",
    "openid",
    "system/patient.rs",
    "launch/patient",
  })
  void scopesThisServerDoesNotHonourGrantNothing(String scope) {
    assertThat(SmartScope.parse(scope)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
    "system/*.rs, Observation, r, true",
    "system/*.rs, Observation, c, false",
    "system/Patient.c, Patient, c, true",
    "system/Patient.c, Observation, c, false",
    "system/Patient.cruds, *, s, false",
  })
  void aScopeAllowsOnlyItsTypeAndLetters(String scope, String type, char letter, boolean allowed) {
    assertThat(SmartScope.parse(scope).orElseThrow().allows(type, Interaction.of(letter)))
        .isEqualTo(allowed);
  }

  private static Set<Interaction> interactions(String letters) {
    Set<Interaction> set = EnumSet.noneOf(Interaction.class);
    letters.chars().forEach(c -> set.add(Interaction.of((char) c)));
    return set;
  }
}
