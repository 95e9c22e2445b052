package uk.carelink.server.linkage;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/** Reads MDM links through {@code $mdm-query-links}, as an admin client would. */
final class MdmLinks {

  /** One link as the operation reports it: part name to value. */
  record Link(Map<String, String> parts) {
    String golden() {
      return parts.get("goldenResourceId");
    }

    String source() {
      return parts.get("sourceResourceId");
    }

    String matchResult() {
      return parts.get("matchResult");
    }

    String linkSource() {
      return parts.get("linkSource");
    }
  }

  private final Supplier<RequestSpecification> fhir;
  private final java.util.function.BiFunction<Class<Parameters>, String, Parameters> parser;

  MdmLinks(
      Supplier<RequestSpecification> fhir,
      java.util.function.BiFunction<Class<Parameters>, String, Parameters> parser) {
    this.fhir = fhir;
    this.parser = parser;
  }

  /** Links of a source Patient ({@code Patient/123}), optionally of one match result. */
  List<Link> of(String sourceReference, String matchResult) {
    RequestSpecification request = fhir.get().queryParam("resourceId", sourceReference);
    if (matchResult != null) {
      request.queryParam("matchResult", matchResult);
    }
    String body =
        request.get("/$mdm-query-links").then().statusCode(200).extract().body().asString();
    List<Link> links = new ArrayList<>();
    for (ParametersParameterComponent parameter :
        parser.apply(Parameters.class, body).getParameter()) {
      if (!"link".equals(parameter.getName())) {
        continue;
      }
      Map<String, String> parts = new LinkedHashMap<>();
      for (ParametersParameterComponent part : parameter.getPart()) {
        parts.put(
            part.getName(), part.getValue() == null ? null : part.getValue().primitiveValue());
      }
      links.add(new Link(parts));
    }
    return links;
  }

  /**
   * Polls until the source's links satisfy {@code done}: MDM links after the write commits, on its
   * own thread.
   */
  List<Link> await(String sourceReference, Predicate<List<Link>> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      List<Link> links = of(sourceReference, null);
      if (done.test(links)) {
        return links;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("MDM did not link " + sourceReference + " in 60 s: " + links);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
