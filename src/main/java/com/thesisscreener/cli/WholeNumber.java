package com.thesisscreener.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole-number option that may be written with separators, as people do: 100000, 100_000 or 100,000. */
final class WholeNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("takes a whole number, not '" + value + "'");
        }
    }
}
