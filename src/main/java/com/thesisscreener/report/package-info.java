/**
 * Exports of screening results: the ranked text table, JSON and CSV, and the Excel results workbook; plus the
 * blank Excel import template. Free of Spring.
 */
@ApplicationModule(displayName = "Exports", allowedDependencies = {"screening", "importing"})
package com.thesisscreener.report;

import org.springframework.modulith.ApplicationModule;
