package com.thesisscreener.importing;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.util.Arrays;

/**
 * An .xlsx shared text table, the one part that must be held whole (cells refer to it by index from anywhere in
 * the sheet). The strings are kept end to end in one builder, Latin-1 text taking a byte a character, plus an int
 * offset each: a million short strings take about 20 MB instead of the ~60 MB of a list of Strings. The XML it
 * is read from is capped by the caller, which caps this too.
 */
final class SharedText {

    private final StringBuilder text;
    private int[] ends;
    private int count;

    private SharedText(int expected) {
        text = new StringBuilder(Math.min(expected, 1 << 20) * 8);
        ends = new int[Math.max(16, Math.min(expected, 1 << 20))];
    }

    static SharedText empty() {
        return new SharedText(0);
    }

    /** Reads the table's XML with POI's hardened parser: no DOCTYPE, no external entities. */
    static SharedText read(InputStream xml) throws Exception {
        SharedText table = new SharedText(0);
        XMLReader parser = WorkbookXml.newReader();
        parser.setContentHandler(table.new Handler());
        parser.parse(new InputSource(xml));
        return table;
    }

    int size() {
        return count;
    }

    /** @return the string at the index, or null when there is none (a damaged or crafted file) */
    String get(int index) {
        if (index < 0 || index >= count) {
            return null;
        }
        return text.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    private void add() {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[count++] = text.length();
    }

    /** Collects the text runs of each {@code si}: plain {@code t}, rich-text {@code r/t}, never phonetic {@code rPh/t}. */
    private final class Handler extends DefaultHandler {

        private boolean inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "sst" -> {
                    String unique = attributes.getValue("uniqueCount");
                    if (unique != null && unique.length() < 8) { // presize, but never trust a huge declared count
                        ends = new int[Math.max(16, Integer.parseInt(unique.strip()))];
                    }
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> add();
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }
}
