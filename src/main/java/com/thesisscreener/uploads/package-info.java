/**
 * Uploads as jobs: a large portfolio is imported and screened in the background while the client (the upload page,
 * or a script over REST) polls its progress: rows read, companies screened, elapsed time, then the summary.
 */
package com.thesisscreener.uploads;
