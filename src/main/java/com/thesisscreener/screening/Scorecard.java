package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rule files' one global, {@code scorecard}: consequences record findings, caps and the banding
 * parameters here. Findings are recorded in the consequence that found them, with no second pass
 * over the agenda, which is what keeps a large batch fast.
 */
public final class Scorecard {

    private final RuleCatalogue catalogue;
    private final Map<Company, Tally> tallies;
    /** Finding id, thesis passage and points by rule object: a handful of entries, so the lookup stays in cache. */
    private final Map<Rule, RuleCatalogue.Entry> ruleInfo = new IdentityHashMap<>();
    private final EnumMap<Band, Integer> floors = new EnumMap<>(Band.class);
    private Integer startingScore;
    private Band[] bandByScore;

    Scorecard(RuleCatalogue catalogue, List<Company> companies) {
        this.catalogue = catalogue;
        this.tallies = new IdentityHashMap<>(companies.size());
        for (Company company : companies) {
            tallies.put(company, new Tally());
        }
    }

    /** Records a finding of the calling rule for the company, worth the points of the rule's {@code @points(...)}. */
    public void add(RuleContext rule, Company company, String sentence) {
        RuleCatalogue.Entry entry = entry(rule);
        if (entry.points() == null) {
            throw new IllegalStateException("rule " + rule.getRule().getName()
                    + " records a finding without points: give it @points(...) or pass the points to scorecard.add");
        }
        tally(company).add(new Finding(entry.findingId(), entry.points(), sentence, entry.thesis()));
    }

    /** Records a finding of the calling rule for the company; {@code points} may be negative or zero. */
    public void add(RuleContext rule, Company company, int points, String sentence) {
        RuleCatalogue.Entry entry = entry(rule);
        tally(company).add(new Finding(entry.findingId(), points, sentence, entry.thesis()));
    }

    /** Puts a ceiling on the company's band; the score is not changed. */
    public void cap(RuleContext rule, Company company, Band ceiling) {
        tally(company).caps.add(new Cap(entry(rule).findingId(), ceiling));
    }

    private RuleCatalogue.Entry entry(RuleContext rule) {
        return ruleInfo.computeIfAbsent(rule.getRule(), r -> catalogue.entryFor(r.getName()));
    }

    /** Banding parameter: the score every company starts from before findings add or subtract points. */
    public void scoreStartsAt(int score) {
        startingScore = score;
    }

    /** Banding parameter: the lowest score (inclusive) that reaches {@code band}. */
    public void bandFloor(Band band, int floor) {
        floors.put(band, floor);
        bandByScore = null;
    }

    /** The tally of a company of this evaluation; a fact inserted by a rule maps to its company's tally. */
    Tally tally(Company company) {
        Tally tally = tallies.get(company);
        if (tally == null) {
            tally = new Tally();
            tallies.put(company, tally);
        }
        return tally;
    }

    /** What the banding rule must have said, or why the rule set cannot be used. */
    List<String> missingBanding() {
        List<String> missing = new ArrayList<>();
        if (startingScore == null) missing.add("no rule calls scorecard.scoreStartsAt(...)");
        for (Band band : Band.values()) {
            if (band != Band.AVOID && !floors.containsKey(band)) {
                missing.add("no rule calls scorecard.bandFloor(Band." + band + ", ...)");
            }
        }
        return missing;
    }

    int startingScore() {
        return startingScore;
    }

    /** The best band whose floor the score (0..100) reaches; below every floor is AVOID. */
    Band bandFor(int score) {
        if (bandByScore == null) bandByScore = bandsByScore();
        return bandByScore[score];
    }

    /** Every score's band, once the banding rule has set the floors: one lookup per company instead of a walk. */
    private Band[] bandsByScore() {
        Band[] bands = new Band[101];
        for (int score = 0; score <= 100; score++) bands[score] = bestBandReached(score);
        return bands;
    }

    private Band bestBandReached(int score) {
        Band best = Band.AVOID;
        for (Map.Entry<Band, Integer> floor : floors.entrySet()) {
            if (score >= floor.getValue() && floor.getKey().ordinal() < best.ordinal()) best = floor.getKey();
        }
        return best;
    }

    /** Findings and caps gathered for one company during one evaluation. */
    static final class Tally {
        final List<Finding> findings = new ArrayList<>(8);
        final List<Cap> caps = new ArrayList<>(1);
        int points;
        /** The volume test's figures when a rule set one up for the company (read for the derived figures). */
        VolumeCheck volume;

        void add(Finding finding) {
            findings.add(finding);
            points += finding.points();
        }
    }
}
