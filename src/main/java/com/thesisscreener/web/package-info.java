/** What every REST endpoint shares: problem documents (RFC 9457) for errors and the OpenAPI description. */
package com.thesisscreener.web;
