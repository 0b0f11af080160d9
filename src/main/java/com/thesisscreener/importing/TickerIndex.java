package com.thesisscreener.importing;

import java.util.Arrays;

/**
 * The row where each ticker was first seen, for duplicate checks over a million rows: tickers are kept as
 * characters in one array with an open-addressing table of ints, about 30 bytes a ticker instead of the ~100 a
 * {@code HashMap<String, Integer>} entry costs. Tickers compare ignoring case.
 */
final class TickerIndex {

    private char[] chars = new char[4096];
    private int charCount;
    private int[] starts = new int[1024]; // ticker i is chars[starts[i], starts[i + 1])
    private int[] rows = new int[1024];
    private int count;
    private int[] table = newTable(2048); // ticker index + 1; 0 = empty slot

    /** @return the row the ticker was first seen on, or 0 when it is new (it is then recorded with this row) */
    int firstRow(String ticker, int row) {
        int hash = hash(ticker);
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                add(ticker, row, slot);
                return 0;
            }
            if (same(entry - 1, ticker)) {
                return rows[entry - 1];
            }
        }
    }

    int size() {
        return count;
    }

    private void add(String ticker, int row, int slot) {
        if (count + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            rows = Arrays.copyOf(rows, starts.length);
        }
        if (charCount + ticker.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + ticker.length()));
        }
        for (int i = 0; i < ticker.length(); i++) {
            chars[charCount++] = Character.toUpperCase(ticker.charAt(i));
        }
        rows[count] = row;
        starts[++count] = charCount;
        table[slot] = count;
        if (count * 2 > table.length) {
            rehash();
        }
    }

    private boolean same(int index, String ticker) {
        int start = starts[index];
        if (starts[index + 1] - start != ticker.length()) {
            return false;
        }
        for (int i = 0; i < ticker.length(); i++) {
            if (chars[start + i] != Character.toUpperCase(ticker.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] bigger = newTable(table.length * 2);
        int mask = bigger.length - 1;
        for (int index = 0; index < count; index++) {
            int slot = hash(chars, starts[index], starts[index + 1]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = index + 1;
        }
        table = bigger;
    }

    private static int hash(String ticker) {
        int h = 0;
        for (int i = 0; i < ticker.length(); i++) {
            h = 31 * h + Character.toUpperCase(ticker.charAt(i));
        }
        return spread(h);
    }

    private static int hash(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return spread(h);
    }

    private static int spread(int h) {
        int mixed = h * 0x9E3779B9; // Fibonacci hashing: short tickers' polynomial hashes cluster; this spreads them
        return mixed ^ (mixed >>> 15);
    }

    private static int[] newTable(int size) {
        return new int[size];
    }
}
