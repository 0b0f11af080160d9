package com.thesisscreener.importing;

import java.util.Optional;

/** How the column catalogue names each company field to an analyst ("API revenue share" for apiRevenueShare). */
public final class FieldCatalogue {

    private FieldCatalogue() {
    }

    public static Optional<String> label(String field) {
        return Columns.ALL.stream().filter(spec -> spec.field().equals(field)).map(Columns.Spec::label).findFirst();
    }
}
