/** Stored portfolios: their rows, import problems, screening runs and results, and comparing two runs. */
package com.thesisscreener.portfolio.store;
