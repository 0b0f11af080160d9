package com.thesisscreener.importing;

import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.aggregates.FormulaRecordAggregate;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a legacy .xls (and recognises encrypted .xlsx, which is an OLE2 container too). The whole workbook is
 * loaded, which the file size limit and the format's own 65,536-row ceiling keep bounded. Formulas are never
 * evaluated (no evaluator is ever created), so external workbook links are never followed: a formula cell gives
 * the result Excel cached when it saved the file. A file written by a program that never computed its formulas
 * (POI and some exporters) holds a placeholder 0 and a "calculate on load" flag Excel itself never writes; such a
 * cell is handed on as {@link SheetCell#unsavedFormula}, not read as 0. (A formula such a program did compute
 * to exactly 0 looks the same and is reported too: saving the file in Excel settles both.)
 */
final class XlsReader {

    private final String fileName;
    private final RowSink sink;

    XlsReader(String fileName, RowSink sink) {
        this.fileName = fileName;
        this.sink = sink;
    }

    void read(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                throw UnreadableFileException.encrypted(fileName); // an encrypted .xlsx travels inside OLE2
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                throw UnreadableFileException.notASpreadsheet(fileName, ": it is an Office file but not an Excel workbook");
            }
            try (HSSFWorkbook workbook = new HSSFWorkbook(root, false)) {
                List<SheetCell> cells = new ArrayList<>();
                for (int i = 0; i < workbook.getNumberOfSheets() && !sink.finished(); i++) {
                    if (!sink.startSheet(workbook.getSheetName(i))) {
                        continue;
                    }
                    HSSFSheet sheet = workbook.getSheetAt(i);
                    Set<CellAddress> unsaved = unsavedFormulas(sheet);
                    for (Row row : sheet) {
                        cells(row, cells, unsaved);
                        if (!sink.row(row.getRowNum() + 1, cells)) {
                            break;
                        }
                    }
                    sink.endSheet();
                }
            }
        }
    }

    /** Where the sheet holds formulas never computed: a placeholder 0 under the flag Excel never sets. */
    private static Set<CellAddress> unsavedFormulas(HSSFSheet sheet) {
        Set<CellAddress> unsaved = new HashSet<>();
        Iterator<CellValueRecordInterface> records = sheet.getSheet().getCellValueIterator();
        while (records.hasNext()) {
            if (records.next() instanceof FormulaRecordAggregate aggregate) {
                FormulaRecord formula = aggregate.getFormulaRecord();
                if (formula.isCalcOnLoad() && formula.getCachedResultType() == CellType.NUMERIC.getCode() && formula.getValue() == 0) {
                    unsaved.add(new CellAddress(formula.getRow(), formula.getColumn()));
                }
            }
        }
        return unsaved;
    }

    private static void cells(Row row, List<SheetCell> cells, Set<CellAddress> unsaved) {
        cells.clear();
        for (Cell cell : row) {
            int column = cell.getColumnIndex();
            if (!unsaved.isEmpty() && unsaved.contains(cell.getAddress())) {
                cells.add(SheetCell.unsavedFormula(column, cell.getCellFormula()));
                continue;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            switch (type) {
                case NUMERIC -> cells.add(number(column, cell.getNumericCellValue(), cell.getCellStyle()));
                case STRING -> cells.add(SheetCell.text(column, cell.getRichStringCellValue().getString()));
                case BOOLEAN -> cells.add(SheetCell.text(column, cell.getBooleanCellValue() ? "TRUE" : "FALSE"));
                case ERROR -> cells.add(SheetCell.error(column, errorText(cell.getErrorCellValue())));
                default -> {
                    // blank
                }
            }
        }
    }

    private static SheetCell number(int column, double value, CellStyle style) {
        String format = style.getDataFormatString();
        if (format != null && !CellFormats.isPercentFormat(format) && DateUtil.isADateFormat(style.getDataFormat(), format)
                && DateUtil.isValidExcelDate(value)) {
            // Dates are not numbers for any field (see XlsxReader): as text, a number column refuses them.
            LocalDateTime date = DateUtil.getLocalDateTime(value);
            return SheetCell.text(column, date.toLocalTime().toSecondOfDay() == 0 ? date.toLocalDate().toString() : date.toString());
        }
        return SheetCell.number(column, CellFormats.shown(value), CellFormats.isPercentFormat(format));
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException unknownCode) {
            return "#ERROR";
        }
    }
}
