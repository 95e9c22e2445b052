package uk.carelink.server.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Reads the CareLink claim shape (README, "Tokens") from a validated token into a {@link Party}.
 * Keycloak writes {@code scope} as a space-separated string, Spring Authorization Server as an
 * array: both become one set here, the only place that knows the difference. A token without the
 * organisation and role claims is refused (401): it was not issued for this server's parties.
 */
@Component
public class JwtPartyConverter implements Converter<Jwt, PartyAuthentication> {

  public static final String ORG_SYSTEM = "org_system";
  public static final String ORG_VALUE = "org_value";
  public static final String ROLE = "role";
  public static final String PURPOSE_OF_USE = "purpose_of_use";
  public static final String SCOPE = "scope";
  public static final String CLIENT_ID = "client_id";

  @Override
  public PartyAuthentication convert(Jwt jwt) {
    Party party =
        new Party(
            clientId(jwt),
            required(jwt, ORG_SYSTEM),
            required(jwt, ORG_VALUE),
            required(jwt, ROLE),
            scopes(jwt.getClaims().get(SCOPE)),
            jwt.getClaimAsString(PURPOSE_OF_USE));
    return new PartyAuthentication(jwt, party);
  }

  /** {@code client_id} (both issuers write it), else Keycloak's {@code azp}, else the subject. */
  private static String clientId(Jwt jwt) {
    for (String claim : new String[] {CLIENT_ID, "azp", "sub"}) {
      String value = jwt.getClaimAsString(claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    throw new InvalidBearerTokenException("The token names no client (client_id, azp or sub)");
  }

  private static String required(Jwt jwt, String claim) {
    String value = jwt.getClaimAsString(claim);
    if (value == null || value.isBlank()) {
      throw new InvalidBearerTokenException("The token lacks the claim " + claim);
    }
    return value;
  }

  static Set<String> scopes(Object claim) {
    Set<String> scopes = new LinkedHashSet<>();
    if (claim instanceof String text) {
      Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    } else if (claim instanceof Collection<?> values) {
      values.forEach(value -> scopes.add(String.valueOf(value)));
    }
    return scopes;
  }
}
