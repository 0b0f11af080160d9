package com.thesisscreener.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a JSON reading error into a sentence an analyst can act on: the field at fault and what it should
 * hold, in JSON words ("a number", "one of MODEL_PROVIDER, ..."). Jackson's own messages name Java classes
 * ({@code com.thesisscreener...CompanyRecord}, {@code java.lang.Double}); none of that reaches a client.
 */
final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);
    /** A qualified Java name ({@code java.lang.Integer}, {@code `tools.jackson...Feature`}) with its backticks. */
    private static final Pattern JAVA_NAME = Pattern.compile("`?\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\.[A-Z_][\\w$]*)*(?:\\[])*`?");
    /** Anything else Jackson puts in backticks is code ({@code `StreamReadConstraints.getMaxNestingDepth()`}). */
    private static final Pattern QUOTED_CODE = Pattern.compile("`[^`]*`");
    private static final int MAX_ECHO = 100;

    private JsonErrors() {
    }

    static String explain(JacksonException e, String field) {
        String at = field.isEmpty() ? "" : " at " + field;
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            return "field '" + shorten(duplicate.group(1)) + "' appears more than once" + at + where(e)
                    + "; send each field once";
        }
        if (e instanceof StreamConstraintsException) {
            return "the JSON is nested too deeply or holds a value too long to read" + where(e) + "; send a flatter, smaller body";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + shorten(unknown.getPropertyName()) + "'" + (field.contains(".") || field.contains("[") ? at : "")
                    + "; known fields are " + names(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format) {
            String value = "'" + shorten(String.valueOf(format.getValue())) + "'";
            Class<?> type = format.getTargetType();
            return (field.isEmpty() ? "a value" : field) + ": " + value + (type.isEnum() ? " is not " + expected(type) : " is not a valid " + describe(type));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return (field.isEmpty() ? "the request body" : field) + " must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof StreamReadException) {
            return "malformed JSON" + where(e) + ": " + readable(firstSentence(e.getOriginalMessage()));
        }
        return field.isEmpty() ? "the request body cannot be read for this call" : field + ": missing, of the wrong type, or malformed";
    }

    /** The field to name in the problem document: the duplicated one, or the path Jackson reached. */
    static String fieldAtFault(JacksonException e, String field) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            String name = shorten(duplicate.group(1));
            return field.isEmpty() || field.endsWith(name) ? (field.isEmpty() ? name : field) : field + "." + name;
        }
        return field;
    }

    /** What a value of this type is called in JSON words: "number", "text", "JSON object". */
    static String describe(Class<?> type) {
        if (type.isEnum()) return "choice: " + choices(type);
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || java.math.BigDecimal.class.isAssignableFrom(type)) return "number";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || java.math.BigInteger.class.isAssignableFrom(type)) return "whole number";
        if (type == Boolean.class || type == boolean.class) return "true/false";
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) return "text";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "JSON array";
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) return "JSON object";
        return "value";
    }

    /** What a field of this type must hold: "a number", "true or false", "one of LOW, HIGH". */
    private static String expected(Class<?> type) {
        if (type.isEnum()) return "one of " + choices(type);
        if (type == Boolean.class || type == boolean.class) return "true or false";
        String noun = describe(type);
        return noun.equals("text") ? noun : "a " + noun;
    }

    private static String choices(Class<?> type) {
        return List.of(type.getEnumConstants()).stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** Removes Java names from a message that came from a library. */
    static String readable(String message) {
        if (message == null) return "";
        String plain = JAVA_NAME.matcher(message).replaceAll("a value");
        return QUOTED_CODE.matcher(plain).replaceAll("a value").replace("REDACTED", "").strip();
    }

    static String shorten(String value) {
        String v = value == null ? "null" : value;
        return v.length() > MAX_ECHO ? v.substring(0, MAX_ECHO) + "..." : v;
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) return "";
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The first line of a parser message, without the location Jackson appends in brackets. */
    private static String firstSentence(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        for (String cut : new String[] {" (start marker at", " at [Source", "[Source:"}) {
            int at = line.indexOf(cut);
            if (at >= 0) line = line.substring(0, at);
        }
        return line;
    }

    private static String names(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
