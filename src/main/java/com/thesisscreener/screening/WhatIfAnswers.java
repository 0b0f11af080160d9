package com.thesisscreener.screening;

import java.util.List;

/**
 * Every what-if answer for one company with the sentences an analyst reads, upgrades first.
 *
 * @param today the band the company has now (caps included)
 */
public record WhatIfAnswers(String ticker, Band today, List<WhatIf> answers, List<String> lifts, List<String> drops) {

    public WhatIfAnswers {
        answers = List.copyOf(answers);
        lifts = List.copyOf(lifts);
        drops = List.copyOf(drops);
    }

    public static WhatIfAnswers of(Company company, Band today, List<WhatIf> answers) {
        List<String> lifts = answers.stream().filter(a -> WhatIf.UP.equals(a.direction()))
                .map(a -> WhatIfSentences.sentence(company, today, a)).toList();
        List<String> drops = answers.stream().filter(a -> WhatIf.DOWN.equals(a.direction()))
                .map(a -> WhatIfSentences.sentence(company, today, a)).toList();
        return new WhatIfAnswers(company.ticker(), today, answers, lifts, drops);
    }
}
