package uk.carelink.server.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token together with the party it speaks for. */
public class PartyAuthentication extends JwtAuthenticationToken {

  private static final long serialVersionUID = 1L;
  private final Party party;

  PartyAuthentication(Jwt jwt, Party party) {
    super(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + party.role())), party.clientId());
    this.party = party;
  }

  public Party party() {
    return party;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PartyAuthentication that
        && super.equals(that)
        && party.equals(that.party);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + party.hashCode();
  }
}
