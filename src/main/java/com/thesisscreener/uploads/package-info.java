/**
 * Uploads as jobs: a large portfolio is imported and screened in the background while the client (the upload page,
 * or a script over REST) polls its progress.
 */
@ApplicationModule(displayName = "Upload jobs", allowedDependencies = {"screening", "importing", "portfolio", "web"})
package com.thesisscreener.uploads;

import org.springframework.modulith.ApplicationModule;
