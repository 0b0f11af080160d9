/**
 * Exports of screening results: the ranked text table, JSON and CSV, and the Excel results workbook; plus the blank
 * Excel import template.
 */
package com.thesisscreener.report;
