package uk.carelink.bench;

import java.io.IOException;

/** Supplies the bearer token sent with every request. */
interface BearerTokenSource {
  String token() throws IOException, InterruptedException;
}
