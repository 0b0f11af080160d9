/**
 * The {@code ./screener} command line: screening a file, rule checks, generators and benchmarks. Builds the engine
 * with {@code new}; no Spring context except for {@code serve}.
 */
@ApplicationModule(displayName = "Command line", allowedDependencies = {"screening", "importing", "report", "rules"})
package com.thesisscreener.cli;

import org.springframework.modulith.ApplicationModule;
