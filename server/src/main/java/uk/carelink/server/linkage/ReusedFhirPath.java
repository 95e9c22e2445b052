package uk.carelink.server.linkage;

import ca.uhn.fhir.fhirpath.FhirPathExecutionException;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPathEvaluationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;

/**
 * One thread's FHIRPath evaluator, which parses each expression once and keeps it. Neither the
 * evaluator nor its parsed expressions are shared between threads ({@link ReusedFhirPathContext}).
 */
final class ReusedFhirPath implements IFhirPath {

  private final IFhirPath engine;
  private final Map<String, IParsedExpression> parsed = new HashMap<>();

  ReusedFhirPath(IFhirPath engine) {
    this.engine = engine;
  }

  @Override
  public <T extends IBase> List<T> evaluate(IBase input, String expression, Class<T> type) {
    return engine.evaluate(input, parse(expression), type);
  }

  @Override
  public <T extends IBase> List<T> evaluate(
      IBase input, IParsedExpression expression, Class<T> type) {
    return engine.evaluate(input, expression, type);
  }

  @Override
  public <T extends IBase> Optional<T> evaluateFirst(
      IBase input, String expression, Class<T> type) {
    return engine.evaluateFirst(input, parse(expression), type);
  }

  @Override
  public <T extends IBase> Optional<T> evaluateFirst(
      IBase input, IParsedExpression expression, Class<T> type) {
    return engine.evaluateFirst(input, expression, type);
  }

  /** The expression parsed on first use; one that does not parse fails every time, as before. */
  @Override
  public IParsedExpression parse(String expression) {
    IParsedExpression known = parsed.get(expression);
    if (known != null) {
      return known;
    }
    IParsedExpression fresh;
    try {
      fresh = engine.parse(expression);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new FhirPathExecutionException("Cannot parse FHIRPath " + expression, e);
    }
    parsed.put(expression, fresh);
    return fresh;
  }

  /**
   * Refused: the evaluator is shared by every caller on this thread, so one caller's context would
   * leak into the next one's evaluations. HAPI MDM's matchers never set one.
   */
  @Override
  public void setEvaluationContext(IFhirPathEvaluationContext context) {
    throw new UnsupportedOperationException(
        "The reused FHIRPath evaluator of record linkage takes no evaluation context");
  }

  /** How many expressions this thread's evaluator has parsed (for tests). */
  int parsedExpressions() {
    return parsed.size();
  }
}
