package com.thesisscreener.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.junit.jupiter.api.Test;

/** Percent and date cells are told apart by the same format codes POI's full style model reports. */
class StyleFormatsTest {

    /**
     * Built-in and own formats, an own format redefining a built-in id, look-alike {@code xf} and {@code numFmt}
     * elements in the sections that are no cell styles (cellStyleXfs, dxfs), a style without an id.
     */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <numFmts count="3">
                <numFmt numFmtId="164" formatCode="0.0%"/>
                <numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/>
                <numFmt numFmtId="3" formatCode="#,##0.000"/>
              </numFmts>
              <fonts count="1"><font><sz val="11"/></font></fonts>
              <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
              <borders count="1"><border/></borders>
              <cellStyleXfs count="2"><xf numFmtId="10"/><xf numFmtId="14"/></cellStyleXfs>
              <cellXfs count="8">
                <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
                <xf numFmtId="9" applyNumberFormat="1"/>
                <xf numFmtId="164" applyNumberFormat="1"/>
                <xf numFmtId="14" applyNumberFormat="1"/>
                <xf numFmtId="165" applyNumberFormat="1"/>
                <xf numFmtId="3" applyNumberFormat="1"/>
                <xf numFmtId="4"/>
                <xf fontId="0"/>
              </cellXfs>
              <dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="0%"/></dxf></dxfs>
            </styleSheet>
            """;

    @Test
    void everyCellStyleHasTheFormatCodeAndIdThatPoisStyleTableGivesIt() throws Exception {
        byte[] xml = STYLES.strip().getBytes(StandardCharsets.UTF_8);
        StylesTable expected = new StylesTable(new ByteArrayInputStream(xml));

        StyleFormats read = StyleFormats.read(new ByteArrayInputStream(xml));

        assertThat(read.count()).isEqualTo(expected.getNumCellStyles()).isEqualTo(8);
        for (int i = 0; i < read.count(); i++) {
            XSSFCellStyle style = expected.getStyleAt(i);
            assertThat(read.formatString(i)).as("style %d", i).isEqualTo(style.getDataFormatString());
            assertThat(read.formatId(i)).as("style %d", i).isEqualTo(style.getDataFormat());
        }
        assertThat(read.formatString(2)).isEqualTo("0.0%");
        assertThat(read.formatString(5)).as("the workbook's own definition wins").isEqualTo("#,##0.000");
        assertThat(read.formatString(99)).as("a style that is not there is General").isEqualTo("General");
    }
}
