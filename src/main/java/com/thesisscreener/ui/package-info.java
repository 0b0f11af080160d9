/**
 * The analysts' web workspace: server-rendered Thymeleaf pages (portfolios and upload, ranked results with charts,
 * company drill-down, runs and diffs, rules, proposals, administration). Nothing depends on it.
 */
@ApplicationModule(displayName = "Web workspace", allowedDependencies = {"screening", "importing", "portfolio", "proposals", "rules", "security", "web"})
package com.thesisscreener.ui;

import org.springframework.modulith.ApplicationModule;
