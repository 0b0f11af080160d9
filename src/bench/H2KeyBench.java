import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * How the key of a stored company row weighs on H2: 100,000 rows shaped like {@code portfolio_company} (23 columns)
 * inserted as the service does (batches of 1,000, a commit per 5,000), into a table keyed by (portfolio, ordinal) as
 * now, by one number, and by one number plus an index on the portfolio (what a foreign key needs). Prints time and
 * the bytes the inserting thread allocated, each layout twice (the first round warms the JIT). H2 keeps a table by a
 * single integer key, or by a hidden row id plus a second index for any other key: every insert changes two trees.
 *   java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar src/bench/H2KeyBench.java
 */
public class H2KeyBench {

    private static final int ROWS = 100_000;
    private static final int NUMBERS = 15;

    enum Layout {
        PORTFOLIO_AND_ORDINAL(", primary key (portfolio_id, ordinal)"),
        ONE_NUMBER(", row_key bigint primary key"),
        ONE_NUMBER_AND_PORTFOLIO_INDEX(", row_key bigint primary key");

        final String key;

        Layout(String key) {
            this.key = key;
        }
    }

    public static void main(String[] args) throws Exception {
        for (int round = 1; round <= 2; round++) {
            for (Layout layout : Layout.values()) {
                System.out.printf("round %d, %-31s %s%n", round, layout + ":", insert(layout));
            }
        }
    }

    private static String insert(Layout layout) throws Exception {
        Path folder = Files.createTempDirectory("h2-key-bench");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("db") + ";COMPRESS=TRUE", "sa", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table company (" + columns() + layout.key + ")");
                if (layout == Layout.ONE_NUMBER_AND_PORTFOLIO_INDEX) ddl.execute("create index company_portfolio on company (portfolio_id)");
            }
            db.setAutoCommit(false);
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            boolean numbered = layout != Layout.PORTFOLIO_AND_ORDINAL;
            try (PreparedStatement insert = db.prepareStatement(insertSql(numbered))) {
                for (int row = 0; row < ROWS; row++) {
                    bind(insert, row, numbered);
                    insert.addBatch();
                    if ((row + 1) % 1_000 == 0) insert.executeBatch();
                    if ((row + 1) % 5_000 == 0) db.commit();
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            return String.format("%,6d ms, %,5d MB allocated", millis, allocated >> 20);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String columns() {
        StringBuilder columns = new StringBuilder("portfolio_id bigint not null, ordinal integer not null, ticker varchar(64) not null, "
                + "name varchar(255), segment varchar(32) not null, proprietary_data boolean, owns_compute boolean, "
                + "switching_cost varchar(16), contracts integer");
        for (int i = 0; i < NUMBERS; i++) columns.append(", number_").append(i).append(" double precision");
        return columns.toString();
    }

    private static String insertSql(boolean numbered) {
        List<String> names = new java.util.ArrayList<>(List.of("portfolio_id", "ordinal", "ticker", "name", "segment",
                "proprietary_data", "owns_compute", "switching_cost", "contracts"));
        for (int i = 0; i < NUMBERS; i++) names.add("number_" + i);
        if (numbered) names.add("row_key");
        return "insert into company (" + String.join(", ", names) + ") values (" + "?, ".repeat(names.size() - 1) + "?)";
    }

    private static void bind(PreparedStatement insert, int row, boolean numbered) throws SQLException {
        long portfolio = 7;
        int i = 1;
        insert.setLong(i++, portfolio);
        insert.setInt(i++, row);
        insert.setString(i++, "T" + row);
        insert.setString(i++, "Company " + row);
        insert.setString(i++, "MODEL_PROVIDER");
        insert.setBoolean(i++, row % 2 == 0);
        insert.setBoolean(i++, row % 3 == 0);
        insert.setString(i++, "HIGH");
        insert.setInt(i++, row % 7);
        for (int n = 0; n < NUMBERS; n++) insert.setDouble(i++, row * 0.37 + n);
        if (numbered) insert.setLong(i, portfolio << 32 | row);
    }
}
