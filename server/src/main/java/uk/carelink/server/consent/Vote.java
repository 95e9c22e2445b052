package uk.carelink.server.consent;

/** What a Consent provision says about a disclosure. */
public enum Vote {
  PERMIT,
  DENY
}
