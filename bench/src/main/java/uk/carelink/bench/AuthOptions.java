package uk.carelink.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * OAuth2 client credentials for the server under test. By default the bench asks the server's own
 * sandbox issuer ({@code /oauth2/token}) for tokens of the sandbox {@code admin} party: the care
 * home and hospital parties' scopes do not cover what the workloads write (the homes'
 * Organizations, every Synthea resource type) nor the probes' {@code $everything}. {@code
 * --token-url none} sends no Authorization header. The care-home client posts the daily pushes and
 * probes its residents; the hospital client posts the Synthea bundles and probes those patients.
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

  static final String SANDBOX_TOKEN_PATH = "/oauth2/token";
  static final String SANDBOX_CLIENT = "admin";
  static final String SANDBOX_SECRET = "sandbox-secret";

  static AuthOptions from(CliArgs args) {
    String url = args.string("token-url", SANDBOX_TOKEN_PATH);
    if ("none".equals(url)) {
      return none();
    }
    Optional<String> tokenUrl = Optional.of(url);
    String id = args.string("client-id", SANDBOX_CLIENT);
    String secret = args.string("client-secret", SANDBOX_SECRET);
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
