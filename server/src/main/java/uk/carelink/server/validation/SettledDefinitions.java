package uk.carelink.server.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.ElementDefinition.ElementDefinitionBaseComponent;
import org.hl7.fhir.r5.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.UserDataNames;

/**
 * The validator's private copies of StructureDefinitions as classes that answer the questions the
 * validator asks of a definition over and over from answers worked out once. In HL7's model a
 * question such as {@code hasId()} or {@code getMin()} tests the element it reads for emptiness
 * through generic calls (an array of the element's own parts built and walked each time), and
 * {@code hasSnapshot()} walks the snapshot; the validator asks them for every element of every
 * resource. In a JFR profile of validations of new content these tests were about a twelfth of the
 * CPU and a ninth of what was allocated (bench/README.md, 2026-12-07, sixth session).
 *
 * <p>The copies are settled: nothing changes a definition once the validator has it (the chain
 * behind it is fixed at start-up, {@link RememberingWorkerContext}). Getters that create an absent
 * part on demand (HL7's auto-create) leave the answers unchanged: an empty part counts as absent.
 *
 * <p>The validator also keeps, on each slice's definition, the FHIRPath expression that tells
 * whether an element belongs to the slice, and writes that expression out as text into a hint every
 * time an element does not belong to a slice it is tested against (most elements, for most slices).
 * Kept here, the expression writes its text once.
 */
final class SettledDefinitions {

  private SettledDefinitions() {}

  /** A settled copy of the definition, with every element of its snapshot settled. */
  static StructureDefinition settle(StructureDefinition definition) {
    SettledStructureDefinition settled = new SettledStructureDefinition();
    definition.copyValues(settled);
    if (definition.hasSnapshot()) {
      List<ElementDefinition> elements = settled.getSnapshot().getElement();
      elements.replaceAll(SettledElementDefinition::new);
    }
    settled.settle();
    return settled;
  }

  static final class SettledStructureDefinition extends StructureDefinition {

    private static final long serialVersionUID = 1L;

    private boolean hasSnapshot;
    private boolean hasVersion;
    private String versionedUrl;

    private void settle() {
      hasSnapshot = super.hasSnapshot();
      hasVersion = super.hasVersion();
      versionedUrl = super.getVersionedUrl();
    }

    @Override
    public boolean hasSnapshot() {
      return hasSnapshot;
    }

    @Override
    public boolean hasVersion() {
      return hasVersion;
    }

    @Override
    public String getVersionedUrl() {
      return versionedUrl;
    }
  }

  static final class SettledElementDefinition extends ElementDefinition {

    private static final long serialVersionUID = 1L;

    private final boolean hasId;
    private final int min;
    private final boolean hasMax;
    private final boolean hasSlicing;
    private final boolean hasSliceName;
    private final boolean hasFixed;
    private final boolean hasPattern;
    private final boolean hasBinding;
    private final boolean hasMaxLength;
    private final boolean mustSupport;
    private final boolean isModifier;

    SettledElementDefinition(ElementDefinition source) {
      source.copyValues(this);
      if (source.hasBase()) {
        setBase(new SettledBase(getBase()));
      }
      getType().replaceAll(SettledTypeRef::new);
      hasId = super.hasId();
      min = super.getMin();
      hasMax = super.hasMax();
      hasSlicing = super.hasSlicing();
      hasSliceName = super.hasSliceName();
      hasFixed = super.hasFixed();
      hasPattern = super.hasPattern();
      hasBinding = super.hasBinding();
      hasMaxLength = super.hasMaxLength();
      mustSupport = super.getMustSupport();
      isModifier = super.getIsModifier();
    }

    @Override
    public boolean hasId() {
      return hasId;
    }

    @Override
    public int getMin() {
      return min;
    }

    @Override
    public boolean hasMax() {
      return hasMax;
    }

    @Override
    public boolean hasSlicing() {
      return hasSlicing;
    }

    @Override
    public boolean hasSliceName() {
      return hasSliceName;
    }

    @Override
    public boolean hasFixed() {
      return hasFixed;
    }

    @Override
    public boolean hasPattern() {
      return hasPattern;
    }

    @Override
    public boolean hasBinding() {
      return hasBinding;
    }

    @Override
    public boolean hasMaxLength() {
      return hasMaxLength;
    }

    @Override
    public boolean getMustSupport() {
      return mustSupport;
    }

    @Override
    public boolean getIsModifier() {
      return isModifier;
    }

    @Override
    public void setUserData(String name, Object value) {
      if (UserDataNames.validator_slice_expression_cache.equals(name)
          && value instanceof ExpressionNode expression
          && !(value instanceof SliceExpression)) {
        super.setUserData(name, new SliceExpression(expression));
      } else {
        super.setUserData(name, value);
      }
    }
  }

  /** Where an element is first defined: its maximum, which tells lists from single elements. */
  static final class SettledBase extends ElementDefinitionBaseComponent {

    private static final long serialVersionUID = 1L;

    private final boolean hasMax;
    private final String max;

    SettledBase(ElementDefinitionBaseComponent source) {
      source.copyValues(this);
      hasMax = super.hasMax();
      max = super.getMax();
    }

    @Override
    public boolean hasMax() {
      return hasMax;
    }

    @Override
    public String getMax() {
      return max;
    }
  }

  /** One of an element's types: the type's name as the validator works it out. */
  static final class SettledTypeRef extends TypeRefComponent {

    private static final long serialVersionUID = 1L;

    private final boolean hasCodeElement;
    private final String workingCode;

    SettledTypeRef(TypeRefComponent source) {
      source.copyValues(this);
      hasCodeElement = super.hasCodeElement();
      workingCode = super.getWorkingCode();
    }

    @Override
    public boolean hasCodeElement() {
      return hasCodeElement;
    }

    @Override
    public String getWorkingCode() {
      return workingCode;
    }
  }

  /**
   * A slice's parsed expression that writes its text once. A copy of the parsed root node (its
   * parts are shared, not copied), made field by field because the node has no copy constructor;
   * nothing changes the text's parts once the expression is parsed.
   */
  static final class SliceExpression extends ExpressionNode {

    private static final List<Field> FIELDS =
        Arrays.stream(ExpressionNode.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .peek(f -> f.setAccessible(true))
            .toList();

    private final String text;

    SliceExpression(ExpressionNode parsed) {
      super(0);
      try {
        for (Field field : FIELDS) {
          field.set(this, field.get(parsed));
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot copy a FHIRPath expression node", e);
      }
      text = parsed.toString();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
