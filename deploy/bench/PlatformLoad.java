import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of deploy/bench/run, on the JDK alone ({@code java deploy/bench/PlatformLoad.java <mode> ...}).
 * Modes, each printing one line of numbers:
 * <ul>
 * <li>{@code rate <url> <requests/s> <warm-up s> <duration s> [<body template>]}: open loop. After a closed-loop
 * warm-up, requests leave at the fixed rate whatever the answers do, and each latency counts from the moment its
 * request was due, so queueing shows. Prints {@code p50-ms p99-ms max-ms answered errors sent}, where
 * {@code sent} counts the warm-up too.</li>
 * <li>{@code max <url> <connections> <duration s>}: closed loop, as fast as the server answers, after a warm-up of
 * a third of the duration. Prints {@code requests/s p50-ms p99-ms errors sent} ({@code sent} with the warm-up).
 * </li>
 * <li>{@code load <url> <connections> <count> <body template>}: POSTs {@code count} bodies. Prints {@code errors}.
 * </li>
 * </ul>
 * A body template means POST (JSON:API); {@code ${i}} in it becomes the request's number and {@code ${pick:a,b,c}}
 * one of the listed values in turn. The environment variable BENCH_AUTHORIZATION, when set, is sent as the
 * Authorization header. Any answer other than 2xx, and any timeout (10 s), counts as an error.
 * <p>
 * Requests go over plain HTTP/1.1 keep-alive sockets, one per worker thread, with the body read into a reused
 * buffer and dropped: the JDK's HttpClient cost about 1.5 ms of CPU per 100 KB answer, as much as the platform
 * spent answering it on the same two cores. In {@code rate} mode a dispatcher hands due times to
 * {@value #RATE_CONNECTIONS} workers; when all are busy, requests wait and their latency shows it.
 */
public final class PlatformLoad {

    private static final int TIMEOUT_MS = 10_000;
    private static final String JSON_API = "application/vnd.api+json";
    static final int RATE_CONNECTIONS = 64;

    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final URI url;
    private final String template;
    private final String authorization = System.getenv("BENCH_AUTHORIZATION");
    private final AtomicLong sequence = new AtomicLong();

    private PlatformLoad(String url, String template) {
        this.url = URI.create(url);
        this.template = template;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("Usage: PlatformLoad rate <url> <rate> <warm-up s> <duration s> [<body template>]\n"
                    + "       PlatformLoad max <url> <connections> <duration s>\n"
                    + "       PlatformLoad load <url> <connections> <count> <body template>");
            System.exit(2);
        }
        String mode = args[0];
        switch (mode) {
            case "rate" -> new PlatformLoad(args[1], args.length > 5 ? args[5] : null)
                    .rate(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "max" -> new PlatformLoad(args[1], null).max(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "load" -> new PlatformLoad(args[1], args[4]).load(Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
            default -> {
                System.err.println("Unknown mode " + mode);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private void rate(int rate, int warmUp, int duration) throws Exception {
        int warmUps = closedLoop(1, TimeUnit.SECONDS.toNanos(warmUp), new ConcurrentLinkedQueue<>(),
                new AtomicInteger());
        int total = rate * duration;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        BlockingQueue<Long> due = new LinkedBlockingQueue<>();
        for (int c = 0; c < RATE_CONNECTIONS; c++) {
            Thread worker = new Thread(() -> {
                while (true) {
                    long when;
                    try {
                        when = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    record(when, exchange(), latencies, errors);
                    answered.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long when = start + i * interval;
            long wait = when - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(when);
        }
        if (!answered.await(30, TimeUnit.SECONDS)) {
            errors.addAndGet((int) answered.getCount());
        }
        Percentiles result = new Percentiles(latencies);
        System.out.printf("%.1f %.1f %.1f %d %d %d%n", result.at(0.50), result.at(0.99), result.at(1.0),
                result.count(), errors.get(), warmUps + total);
    }

    private void max(int connections, int duration) throws Exception {
        long measured = TimeUnit.SECONDS.toNanos(duration);
        int sent = closedLoop(connections, measured / 3, new ConcurrentLinkedQueue<>(), new AtomicInteger());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        sent += closedLoop(connections, measured, latencies, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        Percentiles result = new Percentiles(latencies);
        System.out.printf("%.1f %.1f %.1f %d %d%n", result.count() / seconds, result.at(0.50), result.at(0.99),
                errors.get(), sent);
    }

    private void load(int connections, int count) throws Exception {
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(startThread(() -> {
                while (left.getAndDecrement() > 0) {
                    if (exchange() / 100 != 2) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println(errors.get());
    }

    /** {@code connections} loops of one request after the other, for {@code nanos}. */
    private int closedLoop(int connections, long nanos, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors)
            throws InterruptedException {
        long until = System.nanoTime() + nanos;
        AtomicInteger sent = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(startThread(() -> {
                while (System.nanoTime() < until) {
                    sent.incrementAndGet();
                    long due = System.nanoTime();
                    record(due, exchange(), latencies, errors);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return sent.get();
    }

    private static Thread startThread(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static void record(long due, int status, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) {
        if (status / 100 != 2) {
            errors.incrementAndGet();
        } else {
            latencies.add(System.nanoTime() - due);
        }
    }

    /** One request on this thread's connection: the answer's status, or 0 when it failed or timed out. */
    private int exchange() {
        Connection connection = connections.get();
        try {
            if (connection == null) {
                connection = new Connection(url);
                connections.set(connection);
            }
            int status = connection.exchange(request());
            if (status < 0) {
                // The server closes the connection after this answer (nginx's keep-alive request limit).
                connection.close();
                connections.remove();
            }
            return Math.abs(status);
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            connections.remove();
            return 0;
        }
    }

    private byte[] request() {
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        StringBuilder head = new StringBuilder().append(template == null ? "GET " : "POST ").append(target)
                .append(" HTTP/1.1\r\nHost: ").append(url.getHost()).append(':').append(port(url))
                .append("\r\nAccept: ").append(JSON_API).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        byte[] body = template == null ? new byte[0]
                : body(sequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
        if (template != null) {
            head.append("Content-Type: ").append(JSON_API).append("\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    /** A keep-alive HTTP/1.1 connection that reads answers (length-delimited or chunked) and drops their bodies. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), port(url)), 5_000);
            socket.setSoTimeout(TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** The answer's status, negative when the server closes the connection after it. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return close ? -code : code;
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("connection closed");
            }
            position = 0;
            limit = read;
            return true;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit) {
                    fill();
                }
                char c = (char) (buffer[position++] & 0xff);
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append(c);
            }
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                if (position == limit) {
                    fill();
                }
                int step = (int) Math.min(bytes, limit - position);
                position += step;
                bytes -= step;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** The template with {@code ${i}} and every {@code ${pick:...}} filled in for request number {@code i}. */
    private String body(long i) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int open = template.indexOf("${", from);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            String placeholder = close < 0 ? null : template.substring(open + 2, close);
            if (placeholder == null) {
                return out.append(template, from, template.length()).toString();
            }
            out.append(template, from, open);
            if (placeholder.equals("i")) {
                out.append(i);
            } else if (placeholder.startsWith("pick:")) {
                List<String> values = Arrays.asList(placeholder.substring(5).split(","));
                out.append(values.get((int) (i % values.size())));
            } else {
                out.append("${").append(placeholder).append('}');
            }
            from = close + 1;
        }
    }

    /** Latencies in nanoseconds, read as milliseconds at a quantile (nearest rank). */
    private record Percentiles(List<Long> sorted) {

        Percentiles(ConcurrentLinkedQueue<Long> latencies) {
            this(latencies.stream().sorted().toList());
        }

        int count() {
            return sorted.size();
        }

        double at(double quantile) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, rank)) / 1_000_000.0;
        }
    }
}
