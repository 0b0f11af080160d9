import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load generator (what wrk2 does, which Debian does not package): requests leave on a fixed schedule,
 * request i at start + i / rate, over a few keep-alive HTTP/1.1 connections, and each latency is counted from the
 * request's intended send time. A slow answer therefore delays the requests queued behind it and they count as
 * slow too (no coordinated omission), which a closed-loop tool such as wrk hides.
 *
 * <pre>java src/bench/FixedRate.java --url http://127.0.0.1:8701/api/v1/me --rate 500 --duration 20
 *     [--connections 8] [--warmup 5] [--header 'X-API-Key: ...'] [--body file.json] [--label name]</pre>
 *
 * Prints one line: requests answered, achieved rate, non-2xx, errors and the latency percentiles in ms.
 */
public class FixedRate {

    record Options(URI url, double rate, double seconds, double warmupSeconds, int connections, List<String> headers,
                   byte[] body, String label) {
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        if (options.warmupSeconds() > 0) run(options, options.warmupSeconds());
        Result result = run(options, options.seconds());
        System.out.println(result.describe(options));
    }

    /** What one run measured: latency in nanoseconds per answered request, and the time the schedule took. */
    record Result(long[] latencies, int answered, int notOk, int errors, long elapsedNanos) {

        String describe(Options options) {
            long[] sorted = Arrays.copyOf(latencies, answered);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT,
                    "%s: %d requests at %.0f/s intended, %.1f/s achieved, non-2xx %d, errors %d;"
                            + " latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f",
                    options.label(), answered, options.rate(), answered / (elapsedNanos / 1e9), notOk, errors,
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                    ms(percentile(sorted, 99.9)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }

        private static long percentile(long[] sorted, double percent) {
            if (sorted.length == 0) return 0;
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    static Result run(Options options, double seconds) throws InterruptedException {
        int total = (int) Math.round(options.rate() * seconds);
        long periodNanos = (long) (1e9 / options.rate());
        long[] latencies = new long[total];
        AtomicLong next = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger notOk = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        byte[] request = request(options);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long intended = start + i * periodNanos;
                    sleepUntil(intended);
                    try {
                        if (connection == null) connection = new Connection(options.url());
                        int status = connection.exchange(request);
                        if (status < 200 || status > 299) notOk.incrementAndGet();
                        latencies[answered.getAndIncrement()] = System.nanoTime() - intended;
                        if (connection.closedByServer) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) connection.close();
                        connection = null;
                    }
                }
                if (connection != null) connection.close();
            }, "fixed-rate-" + c);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) worker.join();
        return new Result(latencies, answered.get(), notOk.get(), errors.get(), System.nanoTime() - start);
    }

    private static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            if (wait > 200_000) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait - 100_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static byte[] request(Options options) {
        URI url = options.url();
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        StringBuilder head = new StringBuilder()
                .append(options.body() == null ? "GET " : "POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                .append("Accept: application/json\r\n");
        for (String header : options.headers()) head.append(header).append("\r\n");
        if (options.body() != null) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(options.body().length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = options.body() == null ? new byte[0] : options.body();
        byte[] request = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    /** One keep-alive connection: writes a request, reads the whole answer (Content-Length or chunked). */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The last answer said "Connection: close" (Tomcat does after 100 requests on one connection). */
        boolean closedByServer;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + statusLine);
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).strip());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) closes = true;
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0; size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
            } else if (length > 0) {
                skip(length);
            }
            closedByServer = closes;
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("connection closed mid-answer");
                if (b != '\r') bytes.write(b);
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        private void skip(long count) throws IOException {
            for (long left = count; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) throw new IOException("connection closed mid-body");
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    private static Options parse(String[] args) throws IOException {
        URI url = null;
        double rate = 500;
        double seconds = 20;
        double warmup = 5;
        int connections = 8;
        List<String> headers = new ArrayList<>();
        byte[] body = null;
        String label = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = URI.create(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> seconds = Double.parseDouble(value.replaceAll("s$", ""));
                case "--warmup" -> warmup = Double.parseDouble(value.replaceAll("s$", ""));
                case "--connections" -> connections = Integer.parseInt(value);
                case "--header" -> headers.add(value);
                case "--body" -> body = Files.readAllBytes(Path.of(value));
                case "--label" -> label = value;
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (url == null || !"http".equals(url.getScheme()) || url.getPort() < 0) usage("--url http://host:port/path is needed");
        if (rate <= 0 || seconds <= 0 || connections <= 0) usage("--rate, --duration and --connections must be positive");
        return new Options(url, rate, seconds, warmup, connections, headers, body, label == null ? url.getPath() : label);
    }

    private static void usage(String problem) {
        System.err.println("FixedRate: " + problem);
        System.err.println("usage: java src/bench/FixedRate.java --url http://host:port/path [--rate 500] [--duration 20]"
                + " [--warmup 5] [--connections 8] [--header 'Name: value']... [--body file.json] [--label name]");
        System.exit(2);
    }
}
