package com.thesisscreener.portfolio;

import com.thesisscreener.portfolio.Conversion.NotReadable;
import com.thesisscreener.screening.Company;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Format-independent import rules: finds the header row, maps columns through {@link Columns},
 * converts each data row into a Company or into one problem per bad cell.
 */
final class PortfolioAssembler implements RowSink {

    /** Excel's own row limit: a sheet with more rows was not written by Excel, and reading on would only burn time. */
    private static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Longer values are shortened in problems so messages stay readable. */
    private static final int SHOWN_VALUE_CHARS = 60;

    private record Mapped(Columns.Spec<?> spec, String header) {
    }

    private final String fileName;
    private final ImportLimits limits;

    private String sheet;
    private int sheetRows;
    private boolean anyContent;
    private boolean headerFound;
    private boolean finished;
    private UnreadableFileException headerShortfall;

    private String chosenSheet;
    private final Map<Integer, Mapped> columns = new TreeMap<>();
    private final List<String> ignoredColumns = new ArrayList<>();
    private final Map<String, Integer> firstRowOfTicker = new HashMap<>();
    private final List<Company> companies = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private int rowsRead;

    PortfolioAssembler(String fileName, ImportLimits limits) {
        this.fileName = fileName;
        this.limits = limits;
    }

    @Override
    public void startSheet(String name) {
        sheet = name;
        sheetRows = 0;
    }

    @Override
    public boolean row(int rowNumber, List<SheetCell> cells) throws UnreadableFileException {
        if (++sheetRows > EXCEL_MAX_ROWS) {
            throw UnreadableFileException.unreadable(fileName, "sheet '" + sheet + "' has more rows than Excel allows");
        }
        for (SheetCell cell : cells) {
            if (cell.text().length() > limits.maxCellChars()) {
                // Excel cannot hold such a cell, so the file was crafted or generated; refuse it whole.
                throw UnreadableFileException.tooLarge(fileName, String.format(Locale.ROOT,
                        "sheet '%s', cell %s%d holds more than %,d characters", sheet, letters(cell.column()), rowNumber,
                        limits.maxCellChars()));
            }
        }
        List<SheetCell> present = cells.stream().filter(cell -> cell.error() || !cell.text().isBlank()).toList();
        if (present.isEmpty()) {
            return true; // blank rows are skipped and not counted
        }
        anyContent = true;
        if (!headerFound) {
            return readHeader(rowNumber, present);
        }
        if (++rowsRead > limits.maxRows()) {
            throw UnreadableFileException.tooLarge(fileName, String.format(Locale.ROOT,
                    "more than %,d rows; split it into smaller files", limits.maxRows()));
        }
        readRow(rowNumber, present);
        return true;
    }

    @Override
    public void endSheet() {
        if (headerFound) {
            finished = true;
        }
    }

    @Override
    public boolean finished() {
        return finished;
    }

    /** The import, or why the file had no usable header. */
    ImportedPortfolio result() throws UnreadableFileException {
        if (!headerFound) {
            if (headerShortfall != null) {
                throw headerShortfall;
            }
            if (!anyContent) {
                throw UnreadableFileException.about(fileName, "no header row found: it has no filled-in cells");
            }
            throw UnreadableFileException.about(fileName,
                    "no header row found: the first row should name the columns, such as Ticker, Name, Segment");
        }
        return new ImportedPortfolio(fileName, chosenSheet, companies, problems, rowsRead, ignoredColumns);
    }

    /** The sheet's first non-blank row is its header; a sheet whose header lacks ticker or segment is passed over. */
    private boolean readHeader(int rowNumber, List<SheetCell> cells) throws UnreadableFileException {
        Map<Integer, Mapped> found = new TreeMap<>();
        Map<Columns.Spec<?>, Integer> columnOf = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        UnreadableFileException twice = null;
        for (SheetCell cell : cells) {
            String header = cell.text().strip();
            Columns.Spec<?> spec = cell.error() ? null : Columns.forHeader(header);
            if (spec == null) {
                unknown.add(shorten(header));
                continue;
            }
            Integer earlier = columnOf.putIfAbsent(spec, cell.column());
            if (earlier != null && twice == null) {
                twice = UnreadableFileException.about(fileName, "columns " + letters(earlier) + " (" + found.get(earlier).header()
                        + ") and " + letters(cell.column()) + " (" + header + ") on sheet '" + sheet + "' both hold "
                        + spec.label() + "; keep one of them");
            }
            found.put(cell.column(), new Mapped(spec, header));
        }
        List<String> missing = Columns.ALL.stream()
                .filter(spec -> spec.required() && !columnOf.containsKey(spec))
                .map(spec -> spec.label() + " (or " + spec.aliases().get(0) + ")")
                .toList();
        if (missing.isEmpty()) {
            if (twice != null) {
                throw twice;
            }
            headerFound = true;
            chosenSheet = sheet;
            columns.putAll(found);
            ignoredColumns.addAll(unknown);
            return true;
        }
        if (!found.isEmpty() && headerShortfall == null) {
            headerShortfall = UnreadableFileException.about(fileName, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(" and ", missing) + " in the header row (row " + rowNumber + ") of sheet '" + sheet + "'");
        }
        return false;
    }

    private void readRow(int rowNumber, List<SheetCell> cells) {
        Map<Integer, SheetCell> byColumn = cells.stream().collect(Collectors.toMap(SheetCell::column, cell -> cell, (a, b) -> b));
        Company.Builder builder = Company.builder(null, null);
        List<RowProblem> rowProblems = new ArrayList<>();
        columns.forEach((column, mapped) -> {
            SheetCell cell = byColumn.get(column);
            Columns.Spec<?> spec = mapped.spec();
            String text = cell == null ? "" : cell.text().strip();
            String problem = null;
            if (cell != null && cell.error() && !"#N/A".equalsIgnoreCase(text)) {
                problem = spec.expected(); // #N/A is the spreadsheet way to say "not known"; other errors are broken formulas
            } else if (cell != null && cell.error()) {
                text = "";
            }
            if (problem == null && Conversions.isMissing(text)) {
                if (spec.required()) {
                    problem = spec.expected();
                }
            } else if (problem == null) {
                problem = convert(spec, builder, text, rowNumber);
            }
            if (problem != null) {
                rowProblems.add(new RowProblem(chosenSheet, rowNumber, letters(column), mapped.header(), shorten(text), problem));
            }
        });
        if (rowProblems.isEmpty()) {
            companies.add(builder.build());
        } else {
            problems.addAll(rowProblems);
        }
    }

    /** Applies the cell to the builder; answers what was expected when it cannot. */
    private String convert(Columns.Spec<?> spec, Company.Builder builder, String text, int rowNumber) {
        try {
            spec.apply(builder, text);
        } catch (NotReadable e) {
            return spec.expected();
        }
        if (spec == Columns.TICKER) {
            // Later rows never overwrite earlier ones: the analyst decides which of the two is right.
            Integer first = firstRowOfTicker.putIfAbsent(text.toUpperCase(Locale.ROOT), rowNumber);
            if (first != null) {
                return "a ticker used only once in the file (duplicate ticker, first seen on row " + first + ")";
            }
        }
        return null;
    }

    private static String letters(int column) {
        return CellReference.convertNumToColString(column);
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "\u2026";
    }
}
