package com.thesisscreener.rules;

import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ResultChanges;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Editing the rules, the same way wherever it happens (REST, the rules page, rule proposals, {@code ./screener rules}):
 * the one check of a rule file's name, laying candidate files over the active set, checking them (compile and
 * verify, with warnings), what they would change on companies, and a line diff of a file. No Spring: the command
 * line builds it with {@code new}. Nothing here activates anything.
 */
public final class RuleEditing {

    private final RuleSetCompiler compiler;

    public RuleEditing() {
        this(new RuleSetCompiler());
    }

    public RuleEditing(RuleSetCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
    }

    /** Refuses a name that is not a plain rule file name ({@code moat.drl}, {@code banding.drl.xlsx}); returns it when it is. */
    public static String checkName(String name) {
        if (!RuleFile.isPlainName(name)) {
            throw new RuleFileRefused(RuleFile.notPlainName(name));
        }
        return name;
    }

    /** A DRL file sent as text; {@code null} name or content is refused. */
    public static RuleFile sent(String name, String content) {
        if (name == null || content == null) throw new RuleFileRefused("every file needs a name and a content");
        return new RuleFile(checkName(name), content);
    }

    /** A DRL file typed into a browser, whose forms send every line end as CRLF. */
    public static RuleFile typed(String name, String content) {
        return sent(name, content == null ? null : content.replace("\r\n", "\n"));
    }

    /** An uploaded file: browsers may send the path it came from, of which only the last part is its name. */
    public static RuleFile uploaded(String originalName, byte[] bytes) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        return new RuleFile(checkName(name.substring(name.lastIndexOf('/') + 1)), bytes);
    }

    /** The sent files laid over the active ones by name (or alone, with {@code replace}), in name order. */
    public static List<RuleFile> merge(List<RuleFile> active, List<RuleFile> sent, boolean replace) {
        if (sent.isEmpty()) throw new RuleFileRefused("send at least one rule file (*.drl or *.drl.xlsx)");
        Map<String, RuleFile> merged = new LinkedHashMap<>();
        if (!replace) active.forEach(file -> merged.put(file.name(), file));
        sent.forEach(file -> merged.put(checkName(file.name()), file));
        return merged.values().stream().sorted(Comparator.comparing(RuleFile::name)).toList();
    }

    /** Compiles and verifies the files: every error and warning, and the compiled set when valid. */
    public ValidationReport check(List<RuleFile> files) {
        return compiler.validate(files);
    }

    /** As {@link #check(List)} for the rule files of a folder (a file whose name the editor would refuse is an error). */
    public ValidationReport check(Path folder) {
        List<RuleFile> files;
        try {
            files = RuleSetCompiler.read(folder);
        } catch (RuleCompilationException unreadable) {
            return new ValidationReport("", List.of(), unreadable.errors(), List.of(), null);
        }
        return check(files);
    }

    /** Findings both results have whose points differ, e.g. API-OPEN-SOURCE −10 → −30: an edit that only re-weights. */
    public record PointsMoved(String ruleId, int before, int after) {
        public String text() {
            return ruleId + " " + Phrases.points(before) + " → " + Phrases.points(after);
        }
    }

    /** A company whose band, score or findings the candidate would change. */
    public record CompanyChange(ResultChanges.Change change, List<PointsMoved> moved) {
        public int delta() {
            return Objects.requireNonNullElse(change.scoreAfter(), 0) - Objects.requireNonNullElse(change.scoreBefore(), 0);
        }

        public String deltaText() {
            return Phrases.points(delta());
        }

        public boolean bandChanged() {
            return change.bandBefore() != change.bandAfter();
        }
    }

    /** What a candidate would change on a list of companies, beside the active set. */
    public record Impact(int companies, List<CompanyChange> changes, int unchanged) {
        public List<ResultChanges.Change> resultChanges() {
            return changes.stream().map(CompanyChange::change).toList();
        }

        public long bandChanges() {
            return changes.stream().filter(CompanyChange::bandChanged).count();
        }
    }

    /** Screens the companies with both sets and lists those whose band, score or findings differ. */
    public Impact preview(RuleSet active, RuleSet candidate, List<Company> companies) {
        List<Recommendation> before = active.screener().screen(companies);
        List<Recommendation> after = candidate.screener().screen(companies);
        Map<String, Recommendation> then = byTicker(before);
        Map<String, Recommendation> now = byTicker(after);
        ResultChanges changes = ResultChanges.between(before, after);
        List<CompanyChange> rows = changes.changes().stream()
                .map(c -> new CompanyChange(c, pointsMoved(then.get(c.ticker()), now.get(c.ticker())))).toList();
        return new Impact(companies.size(), rows, changes.unchanged());
    }

    /** A line diff of two versions of a file (either may be null: added or removed); a decision table as its rules. */
    public List<LineDiff.Line> diff(RuleFile before, RuleFile after) {
        return LineDiff.between(text(before), text(after));
    }

    private static String text(RuleFile file) {
        if (file == null) return "";
        if (!file.isDecisionTable()) return file.content();
        try {
            return DecisionTables.toDrl(file);
        } catch (RuleCompilationException unreadable) {
            return "(a decision table that cannot be read: " + unreadable.getMessage() + ")";
        }
    }

    /** The findings of one company present before and after whose points changed. */
    public static List<PointsMoved> pointsMoved(Recommendation before, Recommendation after) {
        if (before == null || after == null) return List.of();
        Map<String, Integer> was = pointsByRule(before);
        List<PointsMoved> moved = new ArrayList<>();
        pointsByRule(after).forEach((rule, points) -> {
            Integer old = was.get(rule);
            if (old != null && old.intValue() != points) moved.add(new PointsMoved(rule, old, points));
        });
        return moved;
    }

    private static Map<String, Integer> pointsByRule(Recommendation result) {
        Map<String, Integer> points = new LinkedHashMap<>();
        result.findings().forEach(f -> points.merge(f.ruleId(), f.points(), Integer::sum));
        return points;
    }

    private static Map<String, Recommendation> byTicker(List<Recommendation> results) {
        Map<String, Recommendation> map = new HashMap<>();
        results.forEach(r -> map.putIfAbsent(r.ticker(), r));
        return map;
    }

}
