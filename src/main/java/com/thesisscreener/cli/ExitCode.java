package com.thesisscreener.cli;

/** Exit codes of every command, as the README documents them. */
final class ExitCode {

    static final int OK = 0;
    /** Some rows could not be read; what could be screened was still printed. */
    static final int INPUT_PROBLEMS = 1;
    /** Nothing could be screened: the rules do not compile, the file is unreadable, or the command line is wrong. */
    static final int FAILED = 2;

    private ExitCode() {
    }
}
