package com.thesisscreener.ui;

import com.thesisscreener.screening.Phrases;
import com.thesisscreener.portfolio.PortfolioNotFoundException;
import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.RankedResult;
import com.thesisscreener.portfolio.ResultPage;
import com.thesisscreener.portfolio.ResultQuery;
import com.thesisscreener.portfolio.RunDiff;
import com.thesisscreener.portfolio.ScreeningRun;
import com.thesisscreener.portfolio.StoredPortfolio;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Portfolios and upload, ranked results with charts, a company's findings, runs and their diff. */
@Controller
class PortfolioPages {

    static final int MAX_PROBLEMS_SHOWN = 200;

    private final PortfolioService portfolios;
    private final StoredCompanies stored;
    private final ResultCharts charts;
    private final JsonMapper json;

    PortfolioPages(PortfolioService portfolios, StoredCompanies stored, ResultCharts charts, JsonMapper json) {
        this.portfolios = portfolios;
        this.stored = stored;
        this.charts = charts;
        this.json = json;
    }

    /** A portfolio in the list, with its latest run's band counts. */
    record Listed(StoredPortfolio portfolio, ScreeningRun latest, Map<Band, Integer> bands) {
    }

    /** One result row with its rank in the run. */
    record Row(int rank, Recommendation r) {
        public boolean capped() {
            return r.band() != r.scoreBand();
        }

        public String confidence() {
            return Math.round(r.confidence() * 100) + "%";
        }

        public String top() {
            return String.join(", ", r.topFindings(3).stream().map(f -> f.ruleId() + " " + Phrases.points(f.points())).toList());
        }
    }

    @GetMapping("/")
    String home() {
        return "redirect:/portfolios";
    }

    @GetMapping("/portfolios")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int size = 20;
        int current = Math.max(0, page);
        List<Listed> items = new ArrayList<>();
        for (StoredPortfolio p : portfolios.portfolios(current, size)) {
            List<ScreeningRun> runs = portfolios.runs(p.id());
            ScreeningRun latest = runs.isEmpty() ? null : runs.get(0);
            items.add(new Listed(p, latest, latest == null ? Map.of() : portfolios.bandCounts(latest)));
        }
        long total = portfolios.portfolioCount();
        model.addAttribute("items", items);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * size < total);
        model.addAttribute("total", total);
        model.addAttribute("bandsOrder", Band.values());
        return "portfolios";
    }

    /** A sortable column of the results table: the sort key it stands for. */
    record Column(String key, String label, boolean numeric) {
    }

    static final List<Column> COLUMNS = List.of(new Column("RANK", "Rank", true), new Column("TICKER", "Ticker", false),
            new Column("NAME", "Name", false), new Column("SEGMENT", "Segment", false), new Column("BAND", "Band", false),
            new Column("SCORE", "Score", true), new Column("CONFIDENCE", "Confidence", true));

    /**
     * One page of a run's results, served by the store's index (page N costs the same in a run of 32 or 100,000
     * companies), with the charts of the whole run from aggregated figures.
     */
    @GetMapping("/portfolios/{id}")
    String results(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        StoredPortfolio portfolio = portfolios.portfolio(id);
        ResultsView view = ResultsView.parse(id, params);
        ScreeningRun screeningRun = portfolios.runOrLatest(id, view.run());
        view = view.withRun(screeningRun.id());
        ResultPage<RankedResult> page = portfolios.results(screeningRun, view.query());
        if (page.items().isEmpty() && view.page() > 0 && page.total() > 0) {
            return "redirect:" + view.pageLink((int) page.totalPages() - 1); // past the end: the last page
        }
        List<com.thesisscreener.importing.RowProblem> problems = portfolios.problems(id);
        model.addAttribute("portfolio", portfolio);
        model.addAttribute("run", screeningRun);
        model.addAttribute("latest", portfolios.runs(id).get(0).id() == screeningRun.id());
        model.addAttribute("view", view);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.items().stream().map(r -> new Row(r.rank(), r.result())).toList());
        model.addAttribute("from", page.total() == 0 ? 0 : (long) page.page() * page.size() + 1);
        model.addAttribute("to", (long) page.page() * page.size() + page.items().size());
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("sortLabel", sortLabel(view));
        model.addAttribute("sizes", ResultsView.SIZES);
        model.addAttribute("chartsUrl", "/portfolios/" + id + "/charts.json?run=" + screeningRun.id());
        model.addAttribute("bands", Band.values());
        model.addAttribute("segments", Segment.values());
        model.addAttribute("problems", problems.size() > MAX_PROBLEMS_SHOWN ? problems.subList(0, MAX_PROBLEMS_SHOWN) : problems);
        model.addAttribute("problemCount", problems.size());
        model.addAttribute("book", BookChart.of(portfolios.positionFigures(id, screeningRun)));
        return "results";
    }

    /**
     * The chart figures of a run as JSON for the page's script: fetched after the page is shown, because the first
     * look at a large run reads all of it (later looks are served from memory).
     */
    @GetMapping(path = "/portfolios/{id}/charts.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    String chartsJson(@PathVariable long id, @RequestParam(required = false) Long run) {
        return json.writeValueAsString(charts.of(portfolios.runOrLatest(id, run)));
    }

    /** "Open the company" by ticker: its page when the run has it, else back to the results saying so. */
    @GetMapping("/portfolios/{id}/find")
    String find(@PathVariable long id, @RequestParam(required = false) Long run, @RequestParam(defaultValue = "") String ticker,
                RedirectAttributes redirect) {
        ScreeningRun screeningRun = portfolios.runOrLatest(id, run);
        String wanted = ticker.strip();
        var found = companyInRun(screeningRun, wanted);
        if (found == null) {
            redirect.addFlashAttribute("error", wanted.isEmpty() ? "Type a ticker to open its company."
                    : "No company matches the ticker '" + wanted + "' in run " + screeningRun.id() + ".");
            return "redirect:/portfolios/" + id + "?run=" + screeningRun.id();
        }
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/portfolios/{id}/companies/{t}")
                .queryParam("run", screeningRun.id()).buildAndExpand(id, found.r().ticker()).encode().toUriString();
    }

    private static String sortLabel(ResultsView view) {
        String column = COLUMNS.stream().filter(c -> c.key().equals(view.sort().name())).map(Column::label).findFirst().orElse("rank");
        String direction = view.dir() == view.sort().naturalDirection() ? ""
                : " (reversed)";
        return column.toLowerCase(Locale.ROOT) + switch (view.sort()) {
            case SCORE, CONFIDENCE -> view.dir() == com.thesisscreener.portfolio.ResultQuery.Direction.DESC ? ", highest first" : ", lowest first";
            case TICKER, NAME, SEGMENT -> view.dir() == com.thesisscreener.portfolio.ResultQuery.Direction.ASC ? ", A to Z" : ", Z to A";
            default -> direction.isEmpty() ? ", best first" : ", worst first";
        };
    }

    @GetMapping("/portfolios/{id}/companies/{ticker}")
    String company(@PathVariable long id, @PathVariable String ticker, @RequestParam(required = false) Long run, Model model) {
        StoredPortfolio portfolio = portfolios.portfolio(id);
        ScreeningRun screeningRun = portfolios.runOrLatest(id, run);
        Row found = companyInRun(screeningRun, ticker);
        if (found == null) throw new PortfolioNotFoundException("portfolio " + id + " has no company " + ticker + " in run " + screeningRun.id());
        model.addAttribute("portfolio", portfolio);
        model.addAttribute("run", screeningRun);
        model.addAttribute("row", found);
        model.addAttribute("r", found.r());
        model.addAttribute("count", screeningRun.companies());
        model.addAttribute("inputs", CompanyInputs.display(stored.inputs(id, found.r().ticker())));
        model.addAttribute("buildUp", CompanyInputs.buildUp(startingScore(screeningRun, found.r()), found.r().findings(), found.r().score()));
        whatIf(id, screeningRun, found.r().ticker(), model);
        return "company";
    }

    /** "What would it take": on by default, with the active rules; a run screened with other rules says so instead. */
    private void whatIf(long id, ScreeningRun run, String ticker, Model model) {
        try {
            model.addAttribute("whatIf", portfolios.whatIf(id, run, java.util.Set.of(ticker)).get(ticker));
        } catch (com.thesisscreener.web.InvalidRequestException otherRules) {
            model.addAttribute("whatIfNote", "This run was screened with rule set " + run.ruleSetVersion()
                    + ", not the active one: screen the portfolio again to see what would move the band under the active rules.");
        }
    }

    @GetMapping("/portfolios/{id}/runs")
    String runs(@PathVariable long id, @RequestParam(required = false) Long run, @RequestParam(required = false) Long against, Model model) {
        StoredPortfolio portfolio = portfolios.portfolio(id);
        List<ScreeningRun> runs = portfolios.runs(id);
        List<Listed> listed = runs.stream().map(r -> new Listed(portfolio, r, portfolios.bandCounts(r))).toList();
        model.addAttribute("portfolio", portfolio);
        model.addAttribute("runs", listed);
        model.addAttribute("bandsOrder", Band.values());
        Long shownRun = run != null ? run : runs.isEmpty() ? null : runs.get(0).id();
        Long shownAgainst = against != null ? against : runs.size() > 1 ? runs.get(1).id() : null;
        model.addAttribute("selectedRun", shownRun);
        model.addAttribute("selectedAgainst", shownAgainst);
        if (shownRun != null && shownAgainst != null) {
            RunDiff diff = portfolios.diff(id, shownRun, shownAgainst);
            model.addAttribute("diff", diff);
        }
        return "runs";
    }

    @PostMapping("/portfolios/{id}/runs")
    String rerun(@PathVariable long id, RedirectAttributes redirect) {
        List<ScreeningRun> before = portfolios.runs(id);
        ScreeningRun run = portfolios.rerun(id);
        redirect.addFlashAttribute("notice", "Run " + run.id() + " screened " + run.companies() + " companies with rule set "
                + run.ruleSetVersion() + ".");
        return "redirect:/portfolios/" + id + "/runs?run=" + run.id() + (before.isEmpty() ? "" : "&against=" + before.get(0).id());
    }

    @PostMapping("/portfolios/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        StoredPortfolio portfolio = portfolios.portfolio(id);
        portfolios.delete(id);
        redirect.addFlashAttribute("notice", "Deleted portfolio '" + portfolio.name() + "' with its runs and results.");
        return "redirect:/portfolios";
    }

    /** The run's starting score: from this company when its score was not clamped, else from the best unclamped one. */
    private Integer startingScore(ScreeningRun run, Recommendation company) {
        Integer own = CompanyInputs.startingScore(company.score(), company.findings());
        if (own != null) return own;
        var unclamped = portfolios.results(run, new ResultQuery(null, null, 1, 99, null, null,
                com.thesisscreener.portfolio.ResultSort.SCORE, null, 0, 1)).items();
        return unclamped.isEmpty() ? null : CompanyInputs.startingScore(unclamped.get(0).result().score(), unclamped.get(0).result().findings());
    }

    /** The run's result for a ticker with its rank (case as stored, or any case when unambiguous), or null. */
    private Row companyInRun(ScreeningRun run, String ticker) {
        if (ticker.isEmpty()) return null;
        Integer rank = portfolios.rankOf(run, ticker).orElse(null);
        if (rank == null) return null;
        // The rank order is the run's index: the page of size 1 at rank - 1 is this company, without reading the run.
        ResultPage<RankedResult> one = portfolios.results(run, ResultQuery.ranked(rank - 1, 1));
        return one.items().isEmpty() ? null : new Row(one.items().get(0).rank(), one.items().get(0).result());
    }
}
