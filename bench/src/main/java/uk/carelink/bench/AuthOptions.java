package uk.carelink.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Optional OAuth2 client credentials: without a token URL, requests carry no Authorization header.
 * The care-home party posts the daily pushes and probes its residents; the hospital party posts the
 * Synthea bundles and probes those patients.
 *
 * @param tokenUrl absolute loopback URL, or a path (e.g. /oauth2/token) on the server under test
 */
record AuthOptions(
    Optional<String> tokenUrl,
    String careHomeClientId,
    String careHomeSecret,
    String hospitalClientId,
    String hospitalSecret) {

  static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
  static final Duration WRITE_TIMEOUT = Duration.ofMinutes(30);

  /** The two parties the workloads act as. */
  enum Party {
    CARE_HOME,
    HOSPITAL
  }

  static AuthOptions none() {
    return new AuthOptions(Optional.empty(), "", "", "", "");
  }

  static AuthOptions from(CliArgs args) {
    Optional<String> tokenUrl = args.optional("token-url");
    String id = args.string("client-id", "");
    String secret = args.string("client-secret", "");
    String hospitalId = args.string("hospital-client-id", id);
    String hospitalSecret = args.string("hospital-client-secret", secret);
    if (tokenUrl.isPresent() && (id.isEmpty() || hospitalId.isEmpty())) {
      throw new IllegalArgumentException("--token-url needs --client-id and --client-secret");
    }
    return new AuthOptions(tokenUrl, id, secret, hospitalId, hospitalSecret);
  }

  String describe() {
    return tokenUrl
        .map(
            u ->
                "client_credentials at "
                    + u
                    + " (care home "
                    + careHomeClientId
                    + ", hospital "
                    + hospitalClientId
                    + ")")
        .orElse("none");
  }

  FhirHttpClient client(HttpClient http, URI serverRoot, URI fhirBase, Party party) {
    Optional<BearerTokenSource> tokens =
        tokenUrl.map(
            u -> {
              URI uri = u.startsWith("/") ? URI.create(serverRoot + u) : URI.create(u);
              return party == Party.CARE_HOME
                  ? new ClientCredentialsTokenSource(http, uri, careHomeClientId, careHomeSecret)
                  : new ClientCredentialsTokenSource(http, uri, hospitalClientId, hospitalSecret);
            });
    return new FhirHttpClient(http, fhirBase, tokens, READ_TIMEOUT, WRITE_TIMEOUT);
  }
}
