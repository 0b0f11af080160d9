/**
 * Imports a portfolio spreadsheet (.xlsx, .xls or .csv) into {@link com.thesisscreener.screening.Company} facts,
 * reporting every unreadable cell by sheet, row and column. Free of Spring.
 */
@ApplicationModule(displayName = "Importing spreadsheets", allowedDependencies = {"screening"})
package com.thesisscreener.importing;

import org.springframework.modulith.ApplicationModule;
