import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on statistics endpoints, one endpoint at a time: after a warm-up of every endpoint (closed loop
 * first, one request after the other, so a cold JVM cannot pile up a backlog; then open loop), requests leave at a
 * fixed rate whatever the answers do, and each latency is measured from the moment its request was due (so a stall
 * counts against every request it delays). Prints p50, p99 and max per endpoint. Run with
 * {@code java deploy/bench/StatisticsLoad.java}.
 *
 * <p>Arguments: {@code <base-url> <private-key.pem> <rate> <warm-up s> <duration s> <events> <path>...}; a path
 * containing {@code {event}} gets a live event id between 1 and {@code events} (the bench loader's rule for
 * deletions), drawn with a fixed seed. Requests carry an admin token signed with the given (test) key.
 */
public final class StatisticsLoad {

    private static final long SEED = 13;

    private StatisticsLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("Usage: StatisticsLoad <base-url> <private-key.pem> <rate> <warm-up s> <duration s>"
                    + " <events> <path>...");
            System.exit(2);
        }
        String base = args[0];
        String token = adminToken(Path.of(args[1]));
        int rate = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        int duration = Integer.parseInt(args[4]);
        long events = Long.parseLong(args[5]);
        List<String> paths = Arrays.asList(args).subList(6, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        System.out.printf("%-48s %8s %8s %8s %8s %7s%n", "endpoint (" + rate + " requests/s, open loop)", "p50 ms",
                "p99 ms", "max ms", "answers", "errors");
        // Every endpoint is first driven one request after the other, then the way it is measured (open loop, at
        // the rate), each for the warm-up time, so neither the service's nor this client's JIT compilation lands in
        // the first endpoint's figures.
        for (String path : paths) {
            warmUp(client, base, token, path, warmUp, events);
            run(client, base, token, path, rate, warmUp, events);
        }
        for (String path : paths) {
            Result result = run(client, base, token, path, rate, duration, events);
            System.out.printf("%-48s %8.2f %8.2f %8.2f %8d %7d%n", path, result.percentile(0.50),
                    result.percentile(0.99), result.percentile(1.0), result.count(), result.errors);
        }
        System.exit(0);
    }

    /** Sends requests one after the other for {@code seconds}. */
    static void warmUp(HttpClient client, String base, String token, String path, int seconds, long events)
            throws Exception {
        Random random = new Random(SEED);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            client.send(request(base, token, path, random, events), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Sends {@code rate} requests a second for {@code duration} seconds, each when it is due. */
    static Result run(HttpClient client, String base, String token, String path, int rate, int duration, long events)
            throws Exception {
        Random random = new Random(SEED);
        int total = rate * duration;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            client.sendAsync(request(base, token, path, random, events), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, failure) -> {
                        long latency = System.nanoTime() - due;
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            latencies.add(latency);
                        }
                        answered.countDown();
                    });
        }
        answered.await(60, TimeUnit.SECONDS);
        return new Result(new ArrayList<>(latencies), errors.get());
    }

    static HttpRequest request(String base, String token, String path, Random random, long events) {
        String target = path.contains("{event}") ? path.replace("{event}", String.valueOf(liveEvent(random, events)))
                : path;
        return HttpRequest.newBuilder(URI.create(base + target))
                .header("Authorization", "JWT " + token).header("Accept", "application/vnd.api+json")
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    /**
     * An event the bench loader did not delete: it deletes event i when mix(i, 4) % 20 == 0, with the same mixing
     * function as deploy/bench/statistics-reads.sh.
     */
    static long liveEvent(Random random, long events) {
        while (true) {
            long candidate = 1 + (long) (random.nextDouble() * events);
            if (mix(candidate, 4) % 20 != 0) {
                return candidate;
            }
        }
    }

    static long mix(long i, long k) {
        return (i * 2654435761L + k * 40503L) % 1000003L;
    }

    /** An RS256 token shaped like user-service's, for user 1 with the admin role. */
    static String adminToken(Path privateKey) throws Exception {
        String pem = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://openevent.local\",\"sub\":\"1\",\"identity\":1,"
                + "\"groups\":[\"user\",\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 7200) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + url.encodeToString(signature.sign());
    }

    /** The latencies (ns) of the measured requests that were answered 200, and the number that were not. */
    record Result(List<Long> latencies, int errors) {

        int count() {
            return latencies.size();
        }

        /** The latency in ms at quantile {@code q} (nearest rank). */
        double percentile(double q) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            int rank = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, rank)) / 1_000_000.0;
        }
    }
}
