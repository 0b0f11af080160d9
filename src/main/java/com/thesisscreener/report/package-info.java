/** Exports of screening results: the ranked text table, JSON and CSV. */
package com.thesisscreener.report;
