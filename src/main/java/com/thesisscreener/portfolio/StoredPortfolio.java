package com.thesisscreener.portfolio;

import java.time.Instant;
import java.util.List;

/** A portfolio as stored: where it came from and how its import went. */
public record StoredPortfolio(long id, String name, String fileName, String sheet, int rowsRead, int rowsRejected,
                              List<String> ignoredColumns, Instant createdAt) {
}
