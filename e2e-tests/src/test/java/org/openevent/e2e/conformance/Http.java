package org.openevent.e2e.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends requests to the gateway exactly as given and counts every answer in the {@link Ledger}. Logins are
 * paced under the gateway's login limit (5 per second per address), so the suite sees the service's answers
 * rather than the limiter's 429.
 */
final class Http {

    private static final Set<String> LOGIN_ROUTES = Set.of("/auth/session", "/v1/auth/login");
    private static final long LOGIN_SPACING_NANOS = Duration.ofMillis(230).toNanos();
    /** Every request comes from a browser page of another origin, as the frontend's do. */
    static final String ORIGIN = "http://frontend.example.org";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Ledger ledger;
    private long lastLogin;

    Http(Ledger ledger) {
        this.ledger = ledger;
    }

    Answer send(Request request) {
        return send(request, null);
    }

    /** Sends and counts; {@code pendingOn} names the branch a 5xx of this request is excused by, if any. */
    Answer send(Request request, String pendingOn) {
        request = request.header("Origin", ORIGIN);
        boolean login = LOGIN_ROUTES.contains(request.target().split("\\?")[0]);
        for (int attempt = 0; ; attempt++) {
            if (login) {
                pace();
            }
            Answer answer = exchange(request);
            if (login && answer.status() == 429 && attempt < 20) {
                sleep(1000);
                continue;
            }
            ledger.answered(request, answer, pendingOn);
            return answer;
        }
    }

    /** A request straight to a service's port (only to read its OpenAPI document): not counted. */
    Answer direct(URI uri) {
        return exchange(uri, Request.of("GET", uri.getRawPath()));
    }

    private Answer exchange(Request request) {
        return request.expectContinue() ? announced(request)
                : exchange(URI.create(Platform.GATEWAY + request.target()), request);
    }

    /**
     * A request that announces its body and waits for {@code 100 Continue} before sending it, written on a socket:
     * the JDK client never returns when the server refuses the body (a 413) instead of continuing.
     */
    private static Answer announced(Request request) {
        try (Socket socket = new Socket(Platform.GATEWAY.getHost(), Platform.GATEWAY.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n"
                    + "Host: " + Platform.GATEWAY.getHost() + "\r\nConnection: close\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + request.body().length + "\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            Answer answer = readAnswer(in);
            if (answer.status() == 100) {
                out.write(request.body());
                out.flush();
                answer = readAnswer(in);
            }
            return answer;
        } catch (IOException e) {
            return new Answer(599, Map.of("Content-Type", List.of("text/x-no-answer")), String.valueOf(e).getBytes());
        }
    }

    /** One HTTP/1.1 answer: status line, headers, and a body of its Content-Length (or up to the close). */
    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (status == 100) {
            return new Answer(100, headers, new byte[0]);
        }
        List<String> length = headers.get("Content-Length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
        return new Answer(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private Answer exchange(URI uri, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            // The suite judges answers; no answer at all is reported as a 599 (never expected anywhere).
            return new Answer(599, Map.of("Content-Type", List.of("text/x-no-answer")),
                    String.valueOf(e).getBytes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void pace() {
        long wait = lastLogin + LOGIN_SPACING_NANOS - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000 + 1);
        }
        lastLogin = System.nanoTime();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
