package com.thesisscreener.portfolio.web;

import com.thesisscreener.report.ImportTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The blank import workbook analysts fill in. */
@RestController
@Tag(name = "Portfolios")
class TemplateController {

    @GetMapping(path = "/api/v1/template.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(operationId = "downloadImportTemplate", summary = "A blank import workbook", description = "Every column, a note on each header with its meaning and unit, "
            + "drop-downs for segments, switching costs and yes/no flags.")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.write(out);
        return ResponseEntity.ok()
                .contentType(PortfolioController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("portfolio-template.xlsx").build().toString())
                .body(out.toByteArray());
    }
}
