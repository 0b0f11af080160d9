/** REST for the rule files: what is live, reload, validation, impact preview and version history. */
package com.thesisscreener.rules.web;
