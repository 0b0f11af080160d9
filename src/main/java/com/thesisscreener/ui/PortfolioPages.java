package com.thesisscreener.ui;

import com.thesisscreener.portfolio.store.PortfolioNotFoundException;
import com.thesisscreener.portfolio.store.PortfolioService;
import com.thesisscreener.portfolio.store.RunDiff;
import com.thesisscreener.portfolio.store.ScreeningRun;
import com.thesisscreener.portfolio.store.StoredPortfolio;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.util.ArrayList;
import java.util.Comparator;
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

/** Portfolios and upload, ranked results with charts, a company's findings, runs and their diff. */
@Controller
class PortfolioPages {

    static final int MAX_ROWS_SHOWN = 500;

    private final PortfolioService portfolios;
    private final StoredCompanies stored;

    PortfolioPages(PortfolioService portfolios, StoredCompanies stored) {
        this.portfolios = portfolios;
        this.stored = stored;
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
            return String.join(", ", r.topFindings(3).stream().map(f -> f.ruleId() + " " + (f.points() > 0 ? "+" : "") + f.points()).toList());
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

    @GetMapping("/portfolios/{id}")
    String results(@PathVariable long id, @RequestParam(required = false) Long run, @RequestParam(required = false) String band,
                   @RequestParam(required = false) String segment, @RequestParam(defaultValue = "rank") String sort,
                   @RequestParam(required = false) String q, Model model) {
        StoredPortfolio portfolio = portfolios.portfolio(id);
        ScreeningRun screeningRun = portfolios.runOrLatest(id, run);
        Band bandFilter = parse(Band.class, band);
        Segment segmentFilter = parse(Segment.class, segment);
        List<Recommendation> all = portfolios.results(screeningRun, null, null).stream().sorted(Recommendation.RANKING).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) rows.add(new Row(i + 1, all.get(i)));
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Row> shown = rows.stream()
                .filter(row -> bandFilter == null || row.r().band() == bandFilter)
                .filter(row -> segmentFilter == null || row.r().segment() == segmentFilter)
                .filter(row -> query.isEmpty() || row.r().ticker().toLowerCase(Locale.ROOT).contains(query)
                        || (row.r().name() != null && row.r().name().toLowerCase(Locale.ROOT).contains(query)))
                .sorted(order(sort))
                .toList();
        model.addAttribute("portfolio", portfolio);
        model.addAttribute("run", screeningRun);
        model.addAttribute("latest", portfolios.runs(id).get(0).id() == screeningRun.id());
        model.addAttribute("rows", shown.size() > MAX_ROWS_SHOWN ? shown.subList(0, MAX_ROWS_SHOWN) : shown);
        model.addAttribute("matching", shown.size());
        model.addAttribute("maxRows", MAX_ROWS_SHOWN);
        model.addAttribute("total", all.size());
        model.addAttribute("charts", Charts.of(shown.stream().map(Row::r).toList()));
        model.addAttribute("bands", Band.values());
        model.addAttribute("segments", Segment.values());
        model.addAttribute("band", bandFilter);
        model.addAttribute("segment", segmentFilter);
        model.addAttribute("sort", sort);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("problems", portfolios.problems(id));
        model.addAttribute("book", BookChart.of(portfolios.positionFigures(id, all)));
        return "results";
    }

    @GetMapping("/portfolios/{id}/companies/{ticker}")
    String company(@PathVariable long id, @PathVariable String ticker, @RequestParam(required = false) Long run, Model model) {
        StoredPortfolio portfolio = portfolios.portfolio(id);
        ScreeningRun screeningRun = portfolios.runOrLatest(id, run);
        List<Recommendation> ranked = portfolios.results(screeningRun, null, null).stream().sorted(Recommendation.RANKING).toList();
        int rank = 0;
        Recommendation found = null;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).ticker().equals(ticker)) {
                found = ranked.get(i);
                rank = i + 1;
                break;
            }
        }
        if (found == null) throw new PortfolioNotFoundException("portfolio " + id + " has no company " + ticker + " in run " + screeningRun.id());
        model.addAttribute("portfolio", portfolio);
        model.addAttribute("run", screeningRun);
        model.addAttribute("row", new Row(rank, found));
        model.addAttribute("r", found);
        model.addAttribute("count", ranked.size());
        model.addAttribute("inputs", StoredCompanies.display(stored.inputs(id, ticker)));
        whatIf(id, screeningRun, ticker, model);
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

    private static Comparator<Row> order(String sort) {
        Comparator<Row> byRank = Comparator.comparingInt(Row::rank);
        return switch (sort) {
            case "score" -> Comparator.comparingInt((Row row) -> row.r().score()).reversed().thenComparing(byRank);
            case "score,asc" -> Comparator.comparingInt((Row row) -> row.r().score()).thenComparing(byRank);
            case "ticker" -> Comparator.comparing((Row row) -> row.r().ticker());
            case "confidence" -> Comparator.comparingDouble((Row row) -> row.r().confidence()).reversed().thenComparing(byRank);
            case "segment" -> Comparator.comparing((Row row) -> row.r().segment()).thenComparing(byRank);
            default -> byRank;
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
