package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the what-if search looks first: the numbers the rule text compares each input with, and which inputs
 * the rules read at all. Only a starting point: every answer is confirmed by running the compiled rules, and a
 * threshold no seed names (a ratio of two inputs, say) is still found by bisection.
 */
public final class WhatIfSeeds {

    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern CONDITIONS = Pattern.compile("\\bwhen\\b(.*?)\\bthen\\b", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?(?![\\w.])");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\(");
    private static final Pattern WORD = Pattern.compile("\\b\\w+\\b");
    /** Company methods rules may call that read an input under another name. */
    private static final Map<String, CompanyField> DERIVED = Map.of("mayHaveApiRevenue", CompanyField.API_REVENUE_SHARE);

    private final Map<CompanyField, double[]> seeds;
    private final Set<CompanyField> read;

    private WhatIfSeeds(Map<CompanyField, double[]> seeds, Set<CompanyField> read) {
        this.seeds = seeds;
        this.read = read;
    }

    /** No seeds, every input read: the search then relies on its grid and bisection alone. */
    public static WhatIfSeeds none() {
        return new WhatIfSeeds(new EnumMap<>(CompanyField.class), EnumSet.allOf(CompanyField.class));
    }

    /** Seeds from DRL text (decision tables as their generated DRL). */
    public static WhatIfSeeds fromRuleTexts(Collection<String> drlTexts) {
        Map<String, List<Double>> functions = new HashMap<>();
        List<String> texts = drlTexts.stream().map(text -> COMMENT.matcher(text).replaceAll(" ")).toList();
        for (String text : texts) {
            Matcher function = FUNCTION.matcher(text);
            while (function.find()) functions.put(function.group(1), numbers(function.group(2)));
        }
        Map<CompanyField, TreeSet<Double>> byField = new EnumMap<>(CompanyField.class);
        Set<CompanyField> read = EnumSet.noneOf(CompanyField.class);
        for (String text : texts) {
            read.addAll(fieldsNamed(text));
            Matcher conditions = CONDITIONS.matcher(text);
            while (conditions.find()) {
                String lhs = conditions.group(1);
                List<Double> values = new ArrayList<>(numbers(lhs));
                Matcher call = CALL.matcher(lhs);
                while (call.find()) values.addAll(functions.getOrDefault(call.group(1), List.of()));
                for (CompanyField field : fieldsNamed(lhs)) byField.computeIfAbsent(field, f -> new TreeSet<>()).addAll(values);
            }
        }
        Map<CompanyField, double[]> seeds = new EnumMap<>(CompanyField.class);
        byField.forEach((field, values) -> seeds.put(field, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return new WhatIfSeeds(seeds, read);
    }

    /** Numbers the rules compare this input with, ascending; empty when none. */
    double[] seeds(CompanyField field) {
        return seeds.getOrDefault(field, new double[0]);
    }

    /** Whether any rule names this input; an input no rule reads cannot move a band. */
    boolean read(CompanyField field) {
        return read.contains(field);
    }

    private static Set<CompanyField> fieldsNamed(String text) {
        Set<CompanyField> fields = EnumSet.noneOf(CompanyField.class);
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            CompanyField.byName(word.group()).ifPresent(fields::add);
            CompanyField derived = DERIVED.get(word.group());
            if (derived != null) fields.add(derived);
        }
        return fields;
    }

    private static List<Double> numbers(String text) {
        List<Double> values = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            try {
                values.add(Double.parseDouble(number.group()));
            } catch (NumberFormatException notANumber) {
                // a pattern corner such as "1." followed by text: not a threshold
            }
        }
        return values;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("WhatIfSeeds[");
        seeds.forEach((field, values) -> out.append(field.fieldName()).append('=').append(Arrays.toString(values)).append(' '));
        return out.append(']').toString();
    }
}
