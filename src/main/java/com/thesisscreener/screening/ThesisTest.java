package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule that tests the thesis, described by the rule's own metadata in its file:
 * {@code @requires("inputA, inputB")} makes a rule a test, {@code @segments("X, Y")} narrows it to
 * segments, and {@code @apiLayer} to companies that sell through APIs.
 */
record ThesisTest(String ruleId, List<CompanyField> requires, long requiredMask, Set<Segment> segments,
                  boolean apiLayer) {

    ThesisTest {
        requires = List.copyOf(requires);
        segments = segments.isEmpty() ? EnumSet.allOf(Segment.class) : EnumSet.copyOf(segments);
    }

    /** Whether the test applies to a company of {@code segment} that may (or does not) sell through APIs. */
    boolean appliesTo(Segment segment, boolean mayHaveApiRevenue) {
        return segments.contains(segment) && (!apiLayer || mayHaveApiRevenue);
    }

    boolean canRun(long knownMask) {
        return (knownMask & requiredMask) == requiredMask;
    }

    List<String> missingInputs(long knownMask) {
        List<String> missing = new ArrayList<>(requires.size());
        for (CompanyField field : requires) {
            if ((knownMask & (1L << field.ordinal())) == 0) missing.add(field.fieldName());
        }
        return List.copyOf(missing);
    }
}
