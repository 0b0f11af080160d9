/** Loading the analysts' rule files: compiling, locating errors in file and line, versioning by content. */
package com.thesisscreener.rules;
