/**
 * What every REST endpoint shares: one way to make problem documents (RFC 9457), the errors any endpoint can meet,
 * strict JSON, the OpenAPI description and the instance name. Depends on no other module.
 */
@ApplicationModule(displayName = "Web foundations", allowedDependencies = {})
package com.thesisscreener.web;

import org.springframework.modulith.ApplicationModule;
