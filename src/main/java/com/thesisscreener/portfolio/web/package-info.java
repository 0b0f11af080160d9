/** REST for stored portfolios: uploads, results, problems, runs, diffs, reports and the import template. */
package com.thesisscreener.portfolio.web;
