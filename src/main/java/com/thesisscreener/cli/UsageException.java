package com.thesisscreener.cli;

/** A command line that cannot be run as typed; its message is the one line the user sees. */
class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
