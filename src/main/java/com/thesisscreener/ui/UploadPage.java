package com.thesisscreener.ui;

import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.portfolio.NothingToScreenException;
import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.UploadedFiles;
import com.thesisscreener.web.InvalidRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The upload form's own target, so it works without JavaScript: store, then land on the portfolio's results with
 * the import summary; a file that cannot be imported comes back to the form with the reason. (With JavaScript the
 * page uses the REST upload job instead and shows progress.)
 */
@Controller
class UploadPage {

    private final UploadedFiles uploads;
    UploadPage(UploadedFiles uploads) {
        this.uploads = uploads;
    }

    @PostMapping("/portfolios/upload")
    String upload(@RequestPart(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String sheet, RedirectAttributes redirect) {
        try {
            if (name != null && name.length() > 200) throw new InvalidRequestException("the name is longer than 200 characters", "name");
            PortfolioService.Read read = uploads.store(file, sheet, name);
            PortfolioService.Created created = read.created();
            ImportedPortfolio imported = read.imported();
            redirect.addFlashAttribute("notice", summary(created, imported));
            return "redirect:/portfolios/" + created.portfolio().id();
        } catch (UnreadableFileException | NothingToScreenException | InvalidRequestException e) {
            redirect.addFlashAttribute("error", "The file was not imported: " + e.getMessage());
            return "redirect:/portfolios";
        }
    }

    static String summary(PortfolioService.Created created, ImportedPortfolio imported) {
        int rejected = imported.rowsRejected();
        return "Imported '" + created.portfolio().name() + "': " + imported.rowsRead() + " rows read, " + imported.companies().size()
                + " screened" + (rejected == 0 ? "." : ", " + rejected + " could not be read (listed below).");
    }
}
