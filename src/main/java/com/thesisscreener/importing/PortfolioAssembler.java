package com.thesisscreener.importing;

import com.thesisscreener.importing.UnreadableFileException.Reason;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.InputValue.NotReadable;
import com.thesisscreener.screening.InputValues;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Format-independent import rules: finds the sheet and its header row, maps columns through {@link Columns},
 * converts each data row into a Company (handed to the consumer at once, so nothing here grows with the row
 * count but the ticker index) or into one problem per bad cell.
 *
 * <p>The header is the first row, within the first {@value #HEADER_SCAN_ROWS} filled-in rows of a sheet, whose cells
 * name both the Ticker and the Segment columns: titles, notes, merged banner cells and blank rows above it are
 * skipped. Two exact column names in one row do not happen by accident, and a file with only those two columns
 * is a legal portfolio. Without a sheet name, the first sheet with such a header is read and later ones are not.
 */
final class PortfolioAssembler implements RowSink {

    /** Filled-in rows of a sheet searched for its header before the sheet is passed over. */
    static final int HEADER_SCAN_ROWS = 100;
    /** Excel's own row limit: a sheet with more rows was not written by Excel, and reading on would only burn time. */
    private static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Longer values are shortened in problems so messages stay readable. */
    private static final int SHOWN_VALUE_CHARS = 60;
    /** What a formula cell saved without its value needs, completing "expected ...". */
    static final String UNSAVED_FORMULA = "a value, but the cell holds a formula without a saved value: open and save the file in "
            + "Excel (or type the value)";

    private record Mapped(int column, Columns.Spec<?> spec, String header) {
    }

    /** A row that named some known columns but not both required ones: the likely header, for the message. */
    private record Candidate(String sheet, int row, int known, List<String> missing) {
    }

    private final String fileName;
    private final ImportLimits limits;
    private final String wantedSheet;
    private final Consumer<? super Company> companies;

    private final List<String> sheetNames = new ArrayList<>();
    private String sheet;
    private int sheetRows;
    private int scannedRows;
    private boolean anyContent;
    private boolean headerFound;
    private boolean finished;
    private Candidate candidate;

    private String chosenSheet;
    private Mapped[] mapped = new Mapped[0];
    private SheetCell[] slots = new SheetCell[0];
    private final List<String> ignoredColumns = new ArrayList<>();
    private final TickerIndex tickers = new TickerIndex();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<RowProblem> rowProblems = new ArrayList<>();
    private int problemsOmitted;
    private int rowsRead;
    private int companiesRead;
    private Positions.Basis positionBasis = Positions.Basis.NONE;
    /** This row's position cells by {@link PositionPart} ordinal, NaN when empty. */
    private final double[] positionCells = new double[PositionPart.values().length];
    private double[] positionSizes = new double[0];

    /**
     * @param wantedSheet the sheet to read (matched ignoring case and surrounding spaces), or null to find it
     * @param companies   receives each readable row's company, in file order
     */
    PortfolioAssembler(String fileName, ImportLimits limits, String wantedSheet, Consumer<? super Company> companies) {
        this.fileName = fileName;
        this.limits = limits;
        this.wantedSheet = wantedSheet;
        this.companies = companies;
    }

    @Override
    public boolean startSheet(String name) {
        sheetNames.add(name);
        if (wantedSheet != null && !name.equals(wantedSheet) && !name.strip().equalsIgnoreCase(wantedSheet.strip())) {
            return false;
        }
        sheet = name;
        sheetRows = 0;
        scannedRows = 0;
        return true;
    }

    @Override
    public boolean row(int rowNumber, List<SheetCell> cells) throws UnreadableFileException {
        if (++sheetRows > EXCEL_MAX_ROWS) {
            throw UnreadableFileException.unreadable(fileName, "sheet '" + sheet + "' has more rows than Excel allows");
        }
        boolean blank = true;
        for (int i = 0, n = cells.size(); i < n; i++) {
            SheetCell cell = cells.get(i);
            if (!cell.numeric() && cell.text().length() > limits.maxCellChars()) {
                // Excel cannot hold such a cell, so the file was crafted or generated; refuse it whole.
                throw tooLongCell(sheet, cell.column(), rowNumber);
            }
            blank &= cell.blank();
        }
        if (blank) {
            return true; // blank rows are skipped and not counted
        }
        anyContent = true;
        if (!headerFound) {
            if (readHeader(rowNumber, cells)) {
                return true;
            }
            return ++scannedRows < HEADER_SCAN_ROWS; // a sheet with no header near its top is passed over
        }
        if (++rowsRead > limits.maxRows()) {
            throw UnreadableFileException.tooLarge(fileName, String.format(Locale.ROOT,
                    "more than %,d rows; split it into smaller files", limits.maxRows()));
        }
        readRow(rowNumber, cells);
        return true;
    }

    UnreadableFileException tooLongCell(String sheetName, int column, int rowNumber) {
        return UnreadableFileException.tooLarge(fileName, String.format(Locale.ROOT,
                "sheet '%s', cell %s%d holds more than %,d characters", sheetName, letters(column), rowNumber,
                limits.maxCellChars()));
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

    /** What the import yielded, or why the file had no usable header or sheet. */
    ImportSummary result() throws UnreadableFileException {
        if (!headerFound) {
            throw noHeader();
        }
        Positions positions = positionBasis == Positions.Basis.NONE
                ? Positions.none() : new Positions(positionBasis, Arrays.copyOf(positionSizes, companiesRead));
        return new ImportSummary(fileName, chosenSheet, rowsRead, companiesRead, problems, problemsOmitted, ignoredColumns, positions);
    }

    private UnreadableFileException noHeader() {
        if (wantedSheet != null && sheet == null) {
            return UnreadableFileException.about(Reason.UNKNOWN_SHEET, fileName, "no sheet named '" + wantedSheet
                    + "'; its sheets are " + sheetNames.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")));
        }
        if (candidate != null) {
            return UnreadableFileException.about(Reason.MISSING_COLUMN, fileName, "missing required column"
                    + (candidate.missing().size() > 1 ? "s " : " ") + String.join(" and ", candidate.missing())
                    + " in the header row (row " + candidate.row() + ") of sheet '" + candidate.sheet() + "'");
        }
        String where = wantedSheet != null ? " on sheet '" + sheet + "'" : "";
        if (!anyContent) {
            return UnreadableFileException.about(Reason.NO_HEADER, fileName, "no header row found" + where + ": it has no filled-in cells");
        }
        return UnreadableFileException.about(Reason.NO_HEADER, fileName, "no header row found" + where
                + ": no row names both the Ticker and Segment columns (a header row names the columns, such as Ticker, Name, Segment)");
    }

    /** Whether this row is the header; if so, the columns are mapped. */
    private boolean readHeader(int rowNumber, List<SheetCell> cells) throws UnreadableFileException {
        Map<Integer, Mapped> found = new TreeMap<>();
        Map<Columns.Spec<?>, Integer> columnOf = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        UnreadableFileException twice = null;
        for (SheetCell cell : cells) {
            if (cell.blank()) {
                continue;
            }
            String header = cell.display().strip();
            Columns.Spec<?> spec = cell.error() ? null : Columns.forHeader(header);
            if (spec == null) {
                unknown.add(shorten(header));
                continue;
            }
            Integer earlier = columnOf.putIfAbsent(spec, cell.column());
            if (earlier != null && twice == null) {
                twice = UnreadableFileException.about(Reason.DUPLICATE_COLUMN, fileName, "columns " + letters(earlier) + " ("
                        + found.get(earlier).header() + ") and " + letters(cell.column()) + " (" + header + ") on sheet '"
                        + sheet + "' both hold " + spec.label() + "; keep one of them");
            }
            found.put(cell.column(), new Mapped(cell.column(), spec, header));
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
            positionBasis = positionColumns(found, unknown);
            mapped = found.values().toArray(new Mapped[0]);
            slots = new SheetCell[mapped[mapped.length - 1].column() + 1];
            ignoredColumns.addAll(unknown);
            return true;
        }
        // Two known column names make a row look like a header that lacks a required column; remember the best.
        if (found.size() >= 2 && (candidate == null || found.size() > candidate.known())) {
            candidate = new Candidate(sheet, rowNumber, found.size(), missing);
        }
        return false;
    }

    /**
     * Decides what the position columns give: market values (a Market value column, or Shares with Price) or else
     * weights. A column that cannot serve that basis (Weight beside market values, Shares without Price) is
     * listed as ignored rather than read and dropped.
     */
    private static Positions.Basis positionColumns(Map<Integer, Mapped> found, Set<String> ignored) {
        Set<PositionPart> parts = java.util.EnumSet.noneOf(PositionPart.class);
        found.values().forEach(m -> { if (m.spec().position() != null) parts.add(m.spec().position()); });
        boolean pricedShares = parts.contains(PositionPart.SHARES) && parts.contains(PositionPart.PRICE);
        boolean money = parts.contains(PositionPart.MARKET_VALUE) || pricedShares;
        Set<PositionPart> unused = java.util.EnumSet.noneOf(PositionPart.class);
        if (money) unused.add(PositionPart.WEIGHT);
        if (!pricedShares) {
            unused.add(PositionPart.SHARES);
            unused.add(PositionPart.PRICE);
        }
        found.values().removeIf(m -> {
            boolean drop = m.spec().position() != null && unused.contains(m.spec().position());
            if (drop) ignored.add(shorten(m.header()));
            return drop;
        });
        if (money) return Positions.Basis.MARKET_VALUE;
        return parts.contains(PositionPart.WEIGHT) ? Positions.Basis.WEIGHT : Positions.Basis.NONE;
    }

    /** The row's position from its cells: market value, else shares x price, else weight; NaN when none. */
    private double positionSize() {
        double weight = positionCells[PositionPart.WEIGHT.ordinal()];
        double marketValue = positionCells[PositionPart.MARKET_VALUE.ordinal()];
        double shares = positionCells[PositionPart.SHARES.ordinal()];
        double price = positionCells[PositionPart.PRICE.ordinal()];
        if (positionBasis == Positions.Basis.WEIGHT) return weight;
        if (!Double.isNaN(marketValue)) return marketValue;
        return Double.isNaN(shares) || Double.isNaN(price) ? Double.NaN : shares * price;
    }

    private void readRow(int rowNumber, List<SheetCell> cells) {
        for (int i = 0, n = cells.size(); i < n; i++) {
            SheetCell cell = cells.get(i);
            if (cell.column() < slots.length) {
                slots[cell.column()] = cell; // a later cell of the same column wins, as the old map did
            }
        }
        Company.Builder builder = Company.builder(null, null);
        rowProblems.clear();
        Arrays.fill(positionCells, Double.NaN);
        for (Mapped column : mapped) {
            SheetCell cell = slots[column.column()];
            slots[column.column()] = null;
            String problem = read(column.spec(), cell, builder, rowNumber);
            if (problem != null) {
                String shown = cell == null ? "" : cell.display().strip();
                rowProblems.add(new RowProblem(chosenSheet, rowNumber, letters(column.column()), column.header(), shorten(shown), problem));
            }
        }
        if (rowProblems.isEmpty()) {
            if (positionBasis != Positions.Basis.NONE) {
                if (companiesRead == positionSizes.length) positionSizes = Arrays.copyOf(positionSizes, Math.max(64, companiesRead * 2));
                positionSizes[companiesRead] = positionSize();
            }
            companiesRead++;
            companies.accept(builder.build());
            return;
        }
        for (RowProblem problem : rowProblems) {
            if (problems.size() < limits.maxProblems()) {
                problems.add(problem);
            } else {
                problemsOmitted++;
            }
        }
    }

    /** Applies one cell to the builder; answers what was expected when it cannot. */
    private String read(Columns.Spec<?> spec, SheetCell cell, Company.Builder builder, int rowNumber) {
        if (cell == null || (cell.error() && "#N/A".equalsIgnoreCase(cell.text().strip()))) {
            // Empty, or #N/A: the spreadsheet way to say "not known". Other errors are broken formulas.
            return spec.required() ? spec.expected() : null;
        }
        if (cell.unsavedFormula()) {
            return UNSAVED_FORMULA;
        }
        if (cell.error()) {
            return spec.expected();
        }
        try {
            if (cell.numeric() && spec != Columns.TICKER) {
                if (spec.position() != null) {
                    positionCells[spec.position().ordinal()] = spec.positionValue(cell.number(), cell.percent());
                    return null;
                }
                spec.applyNumber(builder, cell.number(), cell.percent());
                return null;
            }
            String text = cell.display().strip();
            if (InputValues.isMissing(text)) {
                return spec.required() ? spec.expected() : null;
            }
            if (spec.position() != null) {
                positionCells[spec.position().ordinal()] = spec.positionValue(text);
                return null;
            }
            spec.apply(builder, text);
            if (spec == Columns.TICKER) {
                // Later rows never overwrite earlier ones: the analyst decides which of the two is right.
                int first = tickers.firstRow(text, rowNumber);
                if (first != 0) {
                    return "a ticker used only once in the file (duplicate ticker, first seen on row " + first + ")";
                }
            }
            return null;
        } catch (NotReadable e) {
            return spec.expected();
        }
    }

    private static String letters(int column) {
        return CellReference.convertNumToColString(column);
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "\u2026";
    }
}
