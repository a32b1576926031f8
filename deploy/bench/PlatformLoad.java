import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
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
 */
public final class PlatformLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String JSON_API = "application/vnd.api+json";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
    private final String url;
    private final String template;
    private final String authorization = System.getenv("BENCH_AUTHORIZATION");
    private final AtomicLong sequence = new AtomicLong();

    private PlatformLoad(String url, String template) {
        this.url = url;
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
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send().whenComplete((status, failure) -> {
                record(due, status, failure, latencies, errors);
                answered.countDown();
            });
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
                    Integer status = send().handle((answer, failure) -> failure == null ? answer : null).join();
                    if (status == null || status / 100 != 2) {
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
                    send().handle((status, failure) -> {
                        record(due, status, failure, latencies, errors);
                        return null;
                    }).join();
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

    private static void record(long due, Integer status, Throwable failure, ConcurrentLinkedQueue<Long> latencies,
                               AtomicInteger errors) {
        if (failure != null || status / 100 != 2) {
            errors.incrementAndGet();
        } else {
            latencies.add(System.nanoTime() - due);
        }
    }

    private CompletableFuture<Integer> send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", JSON_API);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (template == null) {
            request.GET();
        } else {
            request.header("Content-Type", JSON_API)
                    .POST(HttpRequest.BodyPublishers.ofString(body(sequence.incrementAndGet())));
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
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
