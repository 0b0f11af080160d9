/**
 * REST scoring calls: one company or a batch in, recommendations with their findings out, and what-if answers.
 */
@ApplicationModule(displayName = "REST scoring", allowedDependencies = {"screening", "report", "rules", "web"})
package com.thesisscreener.scoring;

import org.springframework.modulith.ApplicationModule;
