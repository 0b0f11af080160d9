package com.thesisscreener.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments, checked against what a command accepts. */
final class Options {

    private final Map<String, String> values;
    private final List<String> positional;

    private Options(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    static Options parse(String[] args, int from, Set<String> accepted) throws UsageException {
        return parse(args, from, accepted, Set.of());
    }

    /** As {@link #parse(String[], int, Set)}, where the {@code flags} take no value: given means "true". */
    static Options parse(String[] args, int from, Set<String> accepted, Set<String> flags) throws UsageException {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (flags.contains(name) && value == null) {
                    values.put(name, "true");
                    continue;
                }
                if (!accepted.contains(name)) {
                    Set<String> all = new java.util.TreeSet<>(accepted);
                    all.addAll(flags);
                    throw new UsageException("unknown option --" + name + " (accepted: " + String.join(", ", all.stream().map(a -> "--" + a).toList()) + ")");
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        return new Options(values, positional);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    List<String> positional() {
        return positional;
    }

    int intValue(String name, int fallback) throws UsageException {
        String value = values.get(name);
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " takes a whole number, not '" + value + "'");
        }
    }
}
