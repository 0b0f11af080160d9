package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Finds, for every input a company has, the nearest single change that moves its band, by running the
 * compiled rules on changed copies of the company. Nothing here knows a threshold: seeds from the rule text
 * (see {@link WhatIfSeeds}) only say where to look first, and every answer is the band the rules gave.
 *
 * <p>Numbers are searched on the field's precision grid ({@link FieldDomain#precision()}), upwards and
 * downwards within its valid range and plausible span: first the grid values nearest the seeds and a few
 * spread over the span, nearest first, then bisection between the last value that kept the band and the first
 * that changed it, down to neighbouring grid values. The answer is that first changed value, and its neighbour
 * one step nearer today's value was screened too and kept today's band. Yes/no inputs and the switching cost
 * try each other value. Missing inputs, ticker, name and segment are not varied.
 *
 * <p>All searches of a batch move in rounds: each round screens every pending probe of every company in one
 * call, so a portfolio costs a few dozen batched screenings rather than one per probe. Thread-safe.
 */
public final class WhatIfSearch {

    /** Grid values tried per search and round, nearest first; more rounds when nothing has changed the band yet. */
    private static final int PROBES_PER_ROUND = 4;
    /** Grid values spread evenly over the span besides the seeds, so thresholds no seed names are still bracketed. */
    private static final int SPREAD_POINTS = 2;
    /** Companies searched together; chunks run on all cores. */
    private static final int CHUNK = 200;

    private final Screener screener;
    private final WhatIfSeeds seeds;

    public WhatIfSearch(Screener screener, WhatIfSeeds seeds) {
        this.screener = Objects.requireNonNull(screener, "screener");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
    }

    public Screener screener() {
        return screener;
    }

    /** The answers for one company, in field catalogue order. */
    public List<WhatIf> find(Company company) {
        return findAll(List.of(company)).get(0);
    }

    /** The answers for each company, in input order. */
    public List<List<WhatIf>> findAll(List<Company> companies) {
        int chunks = (companies.size() + CHUNK - 1) / CHUNK;
        List<List<List<WhatIf>>> parts = new ArrayList<>(Collections.nCopies(chunks, null));
        IntStream.range(0, chunks).parallel().forEach(i ->
                parts.set(i, search(companies.subList(i * CHUNK, Math.min(companies.size(), (i + 1) * CHUNK)))));
        List<List<WhatIf>> answers = new ArrayList<>(companies.size());
        parts.forEach(answers::addAll);
        return answers;
    }

    /** The answers with their sentences for each company, in input order. */
    public List<WhatIfAnswers> answersFor(List<Company> companies) {
        List<List<WhatIf>> found = findAll(companies);
        List<Recommendation> today = screener.screen(companies);
        List<WhatIfAnswers> answers = new ArrayList<>(companies.size());
        for (int i = 0; i < companies.size(); i++) {
            answers.add(WhatIfAnswers.of(companies.get(i), today.get(i).band(), found.get(i)));
        }
        return answers;
    }

    private List<List<WhatIf>> search(List<Company> companies) {
        List<Recommendation> today = screener.screen(companies);
        List<List<Search>> searches = new ArrayList<>(companies.size());
        List<Search> all = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            List<Search> own = searchesFor(companies.get(i), today.get(i).band());
            searches.add(own);
            all.addAll(own);
        }
        List<Probe> probes = new ArrayList<>();
        while (true) {
            probes.clear();
            for (Search search : all) search.propose(probes);
            if (probes.isEmpty()) break;
            List<Recommendation> results = screener.screen(probes.stream().map(Probe::company).toList());
            for (int i = 0; i < probes.size(); i++) {
                Probe probe = probes.get(i);
                probe.search.learn(probe, results.get(i).band());
            }
        }
        List<List<WhatIf>> answers = new ArrayList<>(companies.size());
        for (List<Search> own : searches) {
            List<WhatIf> found = new ArrayList<>();
            own.forEach(search -> search.answer(found));
            answers.add(List.copyOf(found));
        }
        return answers;
    }

    private List<Search> searchesFor(Company company, Band today) {
        List<Search> searches = new ArrayList<>();
        for (CompanyField field : CompanyField.values()) {
            Object value = field.valueOf(company);
            if (value == null) continue;
            switch (field.domain().kind()) {
                case FLAG -> searches.add(new ChoiceSearch(company, today, field, List.of(!(Boolean) value)));
                case CHOICE -> searches.add(new ChoiceSearch(company, today, field, Arrays.stream(SwitchingCost.values())
                        .filter(cost -> cost != value).map(cost -> (Object) cost).toList()));
                case NUMBER, COUNT -> {
                    if (!seeds.read(field)) continue;
                    double now = ((Number) value).doubleValue();
                    NumberSearch up = NumberSearch.of(company, today, field, now, +1, seeds.seeds(field));
                    NumberSearch down = NumberSearch.of(company, today, field, now, -1, seeds.seeds(field));
                    if (up != null) searches.add(up);
                    if (down != null) searches.add(down);
                }
                default -> {
                }
            }
        }
        return searches;
    }

    /** A changed copy of a company waiting to be screened for one search. */
    private record Probe(Search search, Company company, long index) {
    }

    private abstract static class Search {
        final Company company;
        final Band today;
        final CompanyField field;

        Search(Company company, Band today, CompanyField field) {
            this.company = company;
            this.today = today;
            this.field = field;
        }

        /** Adds this round's probes; adds none once the search is over. */
        abstract void propose(List<Probe> into);

        abstract void learn(Probe probe, Band band);

        abstract void answer(List<WhatIf> into);
    }

    /** Yes/no or a choice: every other value, each screened once. */
    private static final class ChoiceSearch extends Search {
        private final List<Object> others;
        private final Map<Long, Band> bands = new HashMap<>();
        private boolean proposed;

        ChoiceSearch(Company company, Band today, CompanyField field, List<Object> others) {
            super(company, today, field);
            this.others = others;
        }

        @Override
        void propose(List<Probe> into) {
            if (proposed) return;
            proposed = true;
            for (int i = 0; i < others.size(); i++) into.add(new Probe(this, field.with(company, others.get(i)), i));
        }

        @Override
        void learn(Probe probe, Band band) {
            bands.put(probe.index(), band);
        }

        @Override
        void answer(List<WhatIf> into) {
            for (int i = 0; i < others.size(); i++) {
                Band band = bands.get((long) i);
                if (band != null && band != today) {
                    into.add(new WhatIf(field.fieldName(), others.get(i), band, WhatIf.direction(today, band)));
                }
            }
        }
    }

    /**
     * One number, one side (up or down): grid indexes k stand for the values k x precision, so an answer is
     * exactly the double an analyst would type (2.4, not 2.4000000000000004).
     */
    private static final class NumberSearch extends Search {
        private final FieldDomain domain;
        private final int side;
        private final long[] candidates;
        private final Map<Long, Band> bands = new HashMap<>();
        private int next;
        /** Bracket once found: {@code same} kept today's band, {@code changed} did not, and they are on this side. */
        private long same;
        private long changed;
        private Band changedBand;
        private boolean bracketed;
        private boolean refined;
        private boolean exhausted;

        private NumberSearch(Company company, Band today, CompanyField field, int side, long start, long[] candidates) {
            super(company, today, field);
            this.domain = field.domain();
            this.side = side;
            this.candidates = candidates;
            this.same = start - side; // the grid value just before the first candidate counts as today's value
        }

        /** The search on one side of {@code now}, or null when the span leaves no room on that side. */
        static NumberSearch of(Company company, Band today, CompanyField field, double now, int side, double[] seeds) {
            FieldDomain domain = field.domain();
            long start = firstBeyond(domain, now, side);
            long end = side > 0 ? floorIndex(domain, domain.highest()) : ceilIndex(domain, domain.lowest());
            if ((end - start) * side < 0) return null;
            TreeSet<Long> picked = new TreeSet<>();
            picked.add(end);
            for (double seed : seeds) {
                for (long k : new long[] {floorIndex(domain, seed), ceilIndex(domain, seed)}) {
                    if ((k - start) * side >= 0 && (end - k) * side >= 0) picked.add(k);
                }
            }
            for (int i = 1; i <= SPREAD_POINTS; i++) picked.add(start + (end - start) * i / (SPREAD_POINTS + 1));
            long[] ordered = (side > 0 ? picked : picked.descendingSet()).stream().mapToLong(Long::longValue).toArray();
            return new NumberSearch(company, today, field, side, start, ordered);
        }

        @Override
        void propose(List<Probe> into) {
            if (exhausted) return;
            if (!bracketed) {
                for (int i = next; i < Math.min(candidates.length, next + PROBES_PER_ROUND); i++) into.add(probe(candidates[i]));
            } else if (Math.abs(changed - same) > 1) {
                if (refined) {
                    into.add(probe(same + (changed - same) / 2));
                    return;
                }
                // Seeds usually sit on the threshold or one step off it: try both neighbours before bisecting.
                refined = true;
                into.add(probe(same + side));
                if (changed - side != same + side) into.add(probe(changed - side));
            }
        }

        @Override
        void learn(Probe probe, Band band) {
            long k = probe.index();
            bands.put(k, band);
            if (bracketed) {
                if ((k - same) * side <= 0 || (changed - k) * side <= 0) return; // no longer inside the bracket
                if (band != today) {
                    changed = k;
                    changedBand = band;
                } else {
                    same = k;
                }
                return;
            }
            // A round's probes are learnt one by one; decide once all of them are in.
            int roundEnd = Math.min(candidates.length, next + PROBES_PER_ROUND);
            for (int i = next; i < roundEnd; i++) {
                if (!bands.containsKey(candidates[i])) return;
            }
            for (int i = next; i < roundEnd; i++) {
                Band seen = bands.get(candidates[i]);
                if (seen != today) {
                    bracketed = true;
                    changed = candidates[i];
                    changedBand = seen;
                    return;
                }
                same = candidates[i];
            }
            next = roundEnd;
            exhausted = next >= candidates.length;
        }

        @Override
        void answer(List<WhatIf> into) {
            if (bracketed) into.add(new WhatIf(field.fieldName(), boxed(changed), changedBand, WhatIf.direction(today, changedBand)));
        }

        private Probe probe(long index) {
            return new Probe(this, field.with(company, boxed(index)), index);
        }

        private Object boxed(long index) {
            return domain.kind() == FieldDomain.Kind.COUNT ? (Object) (int) index : (Object) value(domain, index);
        }

        /** The grid value of index k: k / (1 / precision) for fine grids, so 2400 / 1000.0 is exactly 2.4. */
        static double value(FieldDomain domain, long index) {
            double precision = domain.precision();
            return precision < 1 ? index / (double) Math.round(1 / precision) : index * precision;
        }

        private static long floorIndex(FieldDomain domain, double x) {
            long k = rawIndex(domain, x, true);
            while (value(domain, k) > x) k--;
            while (value(domain, k + 1) <= x) k++;
            return k;
        }

        private static long ceilIndex(FieldDomain domain, double x) {
            long k = rawIndex(domain, x, false);
            while (value(domain, k) < x) k++;
            while (value(domain, k - 1) >= x) k--;
            return k;
        }

        /** The nearest grid index strictly beyond {@code now} on this side. */
        private static long firstBeyond(FieldDomain domain, double now, int side) {
            return side > 0 ? floorIndex(domain, now) + 1 : ceilIndex(domain, now) - 1;
        }

        private static long rawIndex(FieldDomain domain, double x, boolean floor) {
            double precision = domain.precision();
            double scaled = precision < 1 ? x * Math.round(1 / precision) : x / precision;
            double clamped = Math.max(-1e15, Math.min(1e15, scaled));
            return (long) (floor ? Math.floor(clamped) : Math.ceil(clamped));
        }
    }
}
