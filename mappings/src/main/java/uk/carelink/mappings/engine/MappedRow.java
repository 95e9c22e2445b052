package uk.carelink.mappings.engine;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/** The resources one data row mapped to. */
public record MappedRow(int row, int line, List<Resource> resources) {}
