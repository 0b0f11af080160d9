/** Imports a portfolio spreadsheet (.xlsx, .xls or .csv) into {@link com.thesisscreener.screening.Company} facts, reporting every unreadable cell. */
package com.thesisscreener.portfolio;
