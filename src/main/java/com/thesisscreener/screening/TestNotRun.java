package com.thesisscreener.screening;

import java.util.List;

/** A thesis test that applies to the company's segment but could not be run because inputs were missing. */
public record TestNotRun(String ruleId, List<String> missingInputs) {
}
