package uk.carelink.server.security;

/**
 * One permission a request needs: an interaction on a resource type ({@code *}: on every type, so
 * only a wildcard scope satisfies it).
 *
 * @param where the part of the request that needs it, e.g. {@code Bundle.entry[2]}; empty for the
 *     request itself
 */
record ScopeNeed(String resourceType, Interaction interaction, String where) {

  static ScopeNeed of(String resourceType, Interaction interaction) {
    return new ScopeNeed(resourceType, interaction, "");
  }

  ScopeNeed at(String location) {
    return new ScopeNeed(resourceType, interaction, location);
  }

  /** The scope that would satisfy this need, e.g. {@code system/Observation.c}, for messages. */
  String scopeHint() {
    return "system/" + resourceType + "." + interaction.letter();
  }
}
