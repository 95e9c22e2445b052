package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keycloak sends {@code scope} as a string, Spring Authorization Server as an array. */
class ClaimNormalisationTest {

  @Test
  void aSpaceSeparatedScopeStringAndAnArrayGiveTheSameScopes() {
    assertThat(JwtPartyConverter.scopes(" system/Patient.cruds  system/Encounter.rs "))
        .containsExactly("system/Patient.cruds", "system/Encounter.rs");
    assertThat(JwtPartyConverter.scopes(List.of("system/Patient.cruds", "system/Encounter.rs")))
        .containsExactly("system/Patient.cruds", "system/Encounter.rs");
  }

  @Test
  void noScopeClaimMeansNoScopes() {
    assertThat(JwtPartyConverter.scopes(null)).isEmpty();
  }
}
