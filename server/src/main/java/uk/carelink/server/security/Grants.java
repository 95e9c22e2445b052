package uk.carelink.server.security;

import java.util.List;
import java.util.Optional;

/** What a party's scopes allow, parsed once per check. */
final class Grants {

  private final List<SmartScope> scopes;

  private Grants(List<SmartScope> scopes) {
    this.scopes = scopes;
  }

  static Grants of(Party party) {
    return new Grants(
        party.scopes().stream().map(SmartScope::parse).flatMap(Optional::stream).toList());
  }

  boolean allow(ScopeNeed need) {
    return scopes.stream().anyMatch(scope -> scope.allows(need.resourceType(), need.interaction()));
  }

  /** Whether any scope allows searching something (continuing a search's pages needs no more). */
  boolean allowAnySearch() {
    return scopes.stream().anyMatch(scope -> scope.interactions().contains(Interaction.SEARCH));
  }
}
