/**
 * Rule proposals: an analyst proposes an edit of the rule files, a reviewer sees its impact and approves or
 * rejects it; approval activates it as any rule edit.
 */
@ApplicationModule(displayName = "Rule proposals", allowedDependencies = {"rules", "security", "web"})
package com.thesisscreener.proposals;

import org.springframework.modulith.ApplicationModule;
