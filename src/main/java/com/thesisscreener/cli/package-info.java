/** The {@code ./screener} command line: screening a file, benchmarks, and their options and exit codes. */
package com.thesisscreener.cli;
