package uk.carelink.server.consent;

import java.util.List;

/**
 * The answer to an {@link AccessQuestion}: permit or deny, the rule that decided and the Consents
 * that did (references {@code Consent/{id}}), for audit and {@code $explain-access}.
 */
public record AccessDecision(Vote vote, Rule rule, List<String> consents) {

  /** Why a decision came out as it did; documented in docs/consent.md. */
  public enum Rule {
    /** The party's role sees everything (the service desk). */
    UNRESTRICTED_ROLE("the party's role is unrestricted"),
    /** The party is the data controller of the resource. */
    CONTROLLER("the party controls this data"),
    /**
     * Data about no one (directory entries, terminology, agreements) is shared with all parties.
     */
    NOT_PERSONAL("the data is about no one"),
    /** Audit records: only unrestricted roles. */
    RESTRICTED_TYPE("only the service desk may read this type"),
    /** HAPI's own records (MDM golden records) have no controller and are not disclosed. */
    NO_CONTROLLER("the data has no controller"),
    /** A resident's own Consent denies it. */
    RESIDENT_DENY("the resident's consent denies it"),
    /** A resident's own Consent permits it. */
    RESIDENT_PERMIT("the resident's consent permits it"),
    /** The controller's data-sharing agreement denies it. */
    AGREEMENT_DENY("the controller's agreement denies it"),
    /** The controller's data-sharing agreement permits it. */
    AGREEMENT_PERMIT("the controller's agreement permits it"),
    /** An agreement permits direct care only for people the party holds a record of. */
    NO_CARE_RELATIONSHIP(
        "the agreement covers direct care, and the party holds no record of the person"),
    /** Nothing permits it: deny by default. */
    NO_PERMISSION("nothing permits it");

    private final String reason;

    Rule(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  static AccessDecision permit(Rule rule) {
    return new AccessDecision(Vote.PERMIT, rule, List.of());
  }

  static AccessDecision deny(Rule rule) {
    return new AccessDecision(Vote.DENY, rule, List.of());
  }

  public boolean permitted() {
    return vote == Vote.PERMIT;
  }
}
