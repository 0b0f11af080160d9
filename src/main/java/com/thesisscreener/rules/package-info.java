/**
 * The analysts' rule files: compiling and verifying them (the sandbox), versioning by content, the live set every
 * instance screens with, and what an edit would change. Publishes {@link
 * com.thesisscreener.rules.RuleSetActivated}.
 */
@ApplicationModule(displayName = "Rules", allowedDependencies = {"screening", "web"})
package com.thesisscreener.rules;

import org.springframework.modulith.ApplicationModule;
