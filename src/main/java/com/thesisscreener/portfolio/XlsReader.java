package com.thesisscreener.portfolio;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a legacy .xls (and recognises encrypted .xlsx, which is an OLE2 container too).
 * The whole workbook is loaded; the file size limit keeps that bounded. Formulas are never evaluated.
 */
final class XlsReader {

    private final String fileName;

    XlsReader(String fileName) {
        this.fileName = fileName;
    }

    void read(Path file, RowSink sink) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                throw UnreadableFileException.encrypted(fileName); // an encrypted .xlsx travels inside OLE2
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                throw UnreadableFileException.notASpreadsheet(fileName, ": it is an Office file but not an Excel workbook");
            }
            try (HSSFWorkbook workbook = new HSSFWorkbook(root, false)) {
                for (int i = 0; i < workbook.getNumberOfSheets() && !sink.finished(); i++) {
                    Sheet sheet = workbook.getSheetAt(i);
                    sink.startSheet(workbook.getSheetName(i));
                    for (Row row : sheet) {
                        if (!sink.row(row.getRowNum() + 1, cells(row))) {
                            break;
                        }
                    }
                    sink.endSheet();
                }
            }
        }
    }

    private static List<SheetCell> cells(Row row) {
        List<SheetCell> cells = new ArrayList<>();
        for (Cell cell : row) {
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            switch (type) {
                case NUMERIC -> cells.add(new SheetCell(cell.getColumnIndex(),
                        CellFormats.numberText(cell.getNumericCellValue(), cell.getCellStyle().getDataFormatString()), false));
                case STRING -> cells.add(new SheetCell(cell.getColumnIndex(), cell.getRichStringCellValue().getString(), false));
                case BOOLEAN -> cells.add(new SheetCell(cell.getColumnIndex(), cell.getBooleanCellValue() ? "TRUE" : "FALSE", false));
                case ERROR -> cells.add(new SheetCell(cell.getColumnIndex(), errorText(cell.getErrorCellValue()), true));
                default -> {
                    // blank
                }
            }
        }
        return cells;
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException unknownCode) {
            return "#ERROR";
        }
    }
}
