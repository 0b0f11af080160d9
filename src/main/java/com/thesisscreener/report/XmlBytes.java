package com.thesisscreener.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * UTF-8 XML written straight into a byte buffer: markup as given, text escaped. A workbook of 100,000 companies is
 * some 150 MB of XML, so this skips the character encoder and the writer layers a {@code java.io.Writer} would add.
 *
 * <p>Text is escaped the way SpreadsheetML wants it: {@code & < > "} as entities; a carriage return as a character
 * reference (an XML parser would otherwise read it as a line feed); characters XML 1.0 cannot carry (other control
 * characters, U+FFFE, U+FFFF) as Excel's {@code _xHHHH_}; and an underscore that would itself read as such an escape
 * as {@code _x005F_}, so every value reads back exactly as it was written. A lone surrogate, which is no character at
 * all, becomes U+FFFD.
 */
final class XmlBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream sink;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    XmlBytes(OutputStream sink) {
        this.sink = sink;
    }

    /** Markup: ASCII the caller wrote, copied as it is. */
    XmlBytes markup(String ascii) {
        for (int i = 0; i < ascii.length(); i++) put((byte) ascii.charAt(i));
        return this;
    }

    XmlBytes number(long value) {
        return markup(Long.toString(value));
    }

    /** A number as SpreadsheetML's {@code xsd:double}: whole values without a fraction, others round-tripping exactly. */
    XmlBytes number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return number((long) value);
        return markup(Double.toString(value));
    }

    /** Character content or an attribute value, escaped. */
    XmlBytes text(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                ascii(value, i, c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    utf8(Character.toCodePoint(c, value.charAt(++i)));
                } else {
                    utf8(0xFFFD);
                }
            } else if (c == 0xFFFE || c == 0xFFFF) {
                escaped(c);
            } else {
                utf8(c);
            }
        }
        return this;
    }

    private void ascii(String value, int at, char c) {
        switch (c) {
            case '&' -> markup("&amp;");
            case '<' -> markup("&lt;");
            case '>' -> markup("&gt;");
            case '"' -> markup("&quot;");
            case '\r' -> markup("&#13;");
            case '\t', '\n' -> put((byte) c);
            case '_' -> {
                if (readsAsEscape(value, at)) escaped('_');
                else put((byte) c);
            }
            default -> {
                if (c < 0x20) escaped(c);
                else put((byte) c);
            }
        }
    }

    /** Whether {@code _xHHHH_} starts at {@code at}: Excel and POI would decode it into one character. */
    private static boolean readsAsEscape(String value, int at) {
        if (at + 7 > value.length() || value.charAt(at + 1) != 'x' || value.charAt(at + 6) != '_') return false;
        for (int i = at + 2; i < at + 6; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    private void escaped(char c) {
        markup("_x");
        for (int shift = 12; shift >= 0; shift -= 4) put(HEX[(c >> shift) & 0xF]);
        put((byte) '_');
    }

    private void utf8(int codePoint) {
        if (codePoint < 0x800) {
            put((byte) (0xC0 | codePoint >> 6));
        } else if (codePoint < 0x10000) {
            put((byte) (0xE0 | codePoint >> 12));
            put((byte) (0x80 | (codePoint >> 6) & 0x3F));
        } else {
            put((byte) (0xF0 | codePoint >> 18));
            put((byte) (0x80 | (codePoint >> 12) & 0x3F));
            put((byte) (0x80 | (codePoint >> 6) & 0x3F));
        }
        put((byte) (0x80 | codePoint & 0x3F));
    }

    private void put(byte b) {
        if (used == buffer.length) flush();
        buffer[used++] = b;
    }

    /** Hands what is buffered to the sink. */
    void flush() {
        try {
            sink.write(buffer, 0, used);
            used = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
