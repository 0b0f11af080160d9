package com.thesisscreener.ui;

import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.ScreeningRun;
import com.thesisscreener.rules.ActiveRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The chart figures of a run, computed once: a run's results never change, so the figures are kept for the few
 * runs looked at last (keyed with the active rule-set version, whose required multiple the ratio chart shows).
 */
@Component
class ResultCharts {

    private static final int KEPT = 8;

    private final PortfolioService portfolios;
    private final ActiveRules rules;
    private final Map<String, ChartData> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChartData> eldest) {
            return size() > KEPT;
        }
    };

    ResultCharts(PortfolioService portfolios, ActiveRules rules) {
        this.portfolios = portfolios;
        this.rules = rules;
    }

    ChartData of(ScreeningRun run) {
        var active = rules.current();
        String key = run.id() + "@" + active.version();
        synchronized (recent) {
            ChartData known = recent.get(key);
            if (known != null) return known;
        }
        ChartData computed = ChartData.of(portfolios.results(run, null, null), ChartData.requiredMultiple(active.files()));
        synchronized (recent) {
            recent.put(key, computed);
        }
        return computed;
    }
}
