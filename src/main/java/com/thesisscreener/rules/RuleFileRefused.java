package com.thesisscreener.rules;

import com.thesisscreener.web.InvalidRequestException;

/**
 * A rule file sent for editing that is refused before anything is compiled (a bad name, no name or content). A
 * request problem (400) over REST and on the page, one line and exit 2 on the command line.
 */
public class RuleFileRefused extends InvalidRequestException {

    RuleFileRefused(String message) {
        super(message, "files");
    }
}
