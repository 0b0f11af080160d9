/**
 * The screening engine: the company fact model, rule evaluation and scored recommendations with their findings.
 * Free of Spring; depends on no other module.
 */
@ApplicationModule(displayName = "Screening engine", allowedDependencies = {})
package com.thesisscreener.screening;

import org.springframework.modulith.ApplicationModule;
