package org.openevent.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own answers: every error nginx produces is a JSON:API error document that a browser may
 * read (CORS headers included), and the service-to-service routes under {@code /internal} stay unreachable.
 */
class GatewayErrorsEndToEndTests {

    static final String JSONAPI = "application/vnd.api+json";
    static final String ORIGIN = "http://frontend.example.org";
    static final File REPOSITORY = new File(System.getProperty("user.dir")).getParentFile();
    static final File GATEWAY_CONFIG = new File(REPOSITORY, "deploy/gateway");
    /** The gateway's default login burst (GATEWAY_LOGIN_BURST); logins beyond it in one go are refused. */
    static final int LOGIN_BURST = 20;
    static final ObjectMapper JSON = new ObjectMapper();

    static URI gateway;

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("e2e.gateway", "http://localhost:8080");
        gateway = URI.create(RestAssured.baseURI);
    }

    @Test
    void unknownRouteIsNotFound() throws IOException {
        Response response = given().header("Origin", ORIGIN).when().get("/no/such/route");
        assertGatewayError(404, ORIGIN, response);
    }

    @Test
    void traceIsNotAllowed() throws IOException {
        Response response = given().header("Origin", ORIGIN).when().request("TRACE", "/v1/events");
        assertGatewayError(405, ORIGIN, response);
    }

    @Test
    void bodyOverTenMegabytesIsTooLarge() throws IOException {
        byte[] elevenMegabytes = new byte[11 * 1024 * 1024];
        Response response = given().header("Origin", ORIGIN).contentType(JSONAPI).body(elevenMegabytes)
                .when().post("/v1/events");
        assertGatewayError(413, ORIGIN, response);
    }

    @Test
    void queryStringOverThirtyTwoKilobytesIsTooLong() throws IOException {
        Response response = given().header("Origin", ORIGIN).queryParam("filter", "a".repeat(60 * 1024))
                .when().get("/v1/events");
        // nginx refuses the request line before it reads any header, Origin included: hence "*".
        assertGatewayError(414, "*", response);
    }

    @Test
    void headerOverThirtyTwoKilobytesIsTooLarge() throws IOException {
        Response response = given().header("Origin", ORIGIN).header("X-Padding", "a".repeat(40 * 1024))
                .when().get("/v1/events");
        assertGatewayError(431, ORIGIN, response);
    }

    @Test
    void unparsableRequestsAreBadRequests() throws IOException {
        RawResponse withoutHost = raw("GET /v1/events HTTP/1.1\r\nOrigin: " + ORIGIN + "\r\n\r\n");
        assertGatewayError(400, ORIGIN, withoutHost.status, withoutHost.header("Content-Type"),
                withoutHost.header("Access-Control-Allow-Origin"), withoutHost.body);
        RawResponse garbage = raw("GARBAGE\r\n\r\n");
        assertGatewayError(400, "*", garbage.status, garbage.header("Content-Type"),
                garbage.header("Access-Control-Allow-Origin"), garbage.body);
    }

    @Test
    void loginBurstIsTooManyRequests() throws Exception {
        // The burst comes from another loopback address: the limit is per client address, so the logins of this
        // machine's usual address (every other test's) keep their whole allowance and nothing has to wait for it.
        InetAddress burstFrom = InetAddress.getByName("127.0.0.2");
        String login = "POST /v1/auth/login HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nOrigin: " + ORIGIN
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        ExecutorService senders = Executors.newFixedThreadPool(3 * LOGIN_BURST);
        try {
            List<Future<RawResponse>> burst = new ArrayList<>();
            for (int i = 0; i < 3 * LOGIN_BURST; i++) {
                burst.add(senders.submit(() -> raw(login, burstFrom)));
            }
            RawResponse refused = null;
            for (Future<RawResponse> answer : burst) {
                if (answer.get().status() == 429) {
                    refused = answer.get();
                }
            }
            if (refused == null) {
                fail("None of " + 3 * LOGIN_BURST + " simultaneous logins was refused");
            }
            assertGatewayError(429, ORIGIN, refused.status(), refused.header("Content-Type"),
                    refused.header("Access-Control-Allow-Origin"), refused.body());
        } finally {
            senders.shutdownNow();
        }

        // Meanwhile a login from the usual address is not limited at all.
        Response other = given().header("Origin", ORIGIN).contentType("application/json").body("{}")
                .when().post("/v1/auth/login");
        assertTrue(other.statusCode() != 429, "a login from another address was refused too: " + other.asString());
    }

    @Test
    void stoppedServiceIsUnavailableUntilUpBringsItBack() throws Exception {
        dev("stop", "stats-service");
        try {
            Response response = given().header("Origin", ORIGIN).when().get("/v1/admin/statistics/events");
            assertGatewayError(503, ORIGIN, response);
        } finally {
            dev("up");
        }
        assertTrue(given().get("/v1/admin/statistics/events").statusCode() != 503,
                "./dev up must bring stats-service back");
    }

    /** 500 and 504 cannot be provoked from outside: their documents are checked where they are configured. */
    @Test
    void everyGatewayErrorPageIsAJsonApiDocument() throws IOException {
        String errors = Files.readString(new File(GATEWAY_CONFIG, "errors.conf").toPath());
        Map<Integer, String> bodies = new TreeMap<>();
        Matcher location = Pattern.compile("location = /gateway-error/(\\d+) \\{\\s*return (\\d+) '([^']*)';")
                .matcher(errors);
        while (location.find()) {
            assertEquals(location.group(1), location.group(2), "the page for " + location.group(1) + " answers its code");
            bodies.put(Integer.parseInt(location.group(1)), location.group(3));
        }
        for (int code : List.of(400, 404, 405, 413, 414, 429, 431, 500, 503, 504)) {
            assertTrue(bodies.containsKey(code), "errors.conf has no page for " + code);
            assertErrorDocument(code, bodies.get(code));
        }
        for (String routed : List.of("400", "404", "405", "413", "414", "429", "494 =431", "500", "502 503 =503", "504")) {
            assertTrue(errors.contains("error_page " + routed + " /gateway-error/"), "errors.conf routes " + routed);
        }
    }

    @Test
    void internalRoutesAreNeverForwardedEvenWithTheSecret() throws IOException {
        String secret = Files.readString(new File(REPOSITORY, ".keys/internal.secret").toPath()).trim();
        String route = "/internal/events/1/schedule-version";
        // Control: the service itself serves the route to a caller with the secret, so a 404 below is the gateway's.
        given().baseUri("http://127.0.0.1:" + topologyPort("session-service")).header("X-OpenEvent-Internal", secret)
                .when().get(route).then().statusCode(200);

        Response direct = given().header("Origin", ORIGIN).header("X-OpenEvent-Internal", secret).when().get(route);
        assertGatewayError(404, ORIGIN, direct);
        for (String disguised : List.of("/v1/../internal/events/1/schedule-version",
                "/v1/sessions/%2e%2e/%2e%2e/internal/events/1/schedule-version",
                "/v1/sessions/..%2F..%2Finternal/events/1/schedule-version")) {
            RawResponse response = raw("GET " + disguised + " HTTP/1.1\r\nHost: localhost\r\nOrigin: " + ORIGIN
                    + "\r\nX-OpenEvent-Internal: " + secret + "\r\nConnection: close\r\n\r\n");
            assertEquals(404, response.status, disguised + " must not reach a service: " + response.body);
            assertGatewayError(404, ORIGIN, response.status, response.header("Content-Type"),
                    response.header("Access-Control-Allow-Origin"), response.body);
        }
    }

    /**
     * No public route leads to a route that reads the internal header, so its removal cannot be observed
     * from outside; it is checked in the configuration every route is proxied with.
     */
    @Test
    void clientSentInternalHeaderIsStripped() throws IOException {
        String proxy = Files.readString(new File(GATEWAY_CONFIG, "proxy.conf").toPath());
        assertTrue(proxy.contains("proxy_set_header X-OpenEvent-Internal \"\";"), "proxy.conf strips the header");
        assertTrue(proxy.contains("proxy_set_header X-Request-Id $request_id;"), "proxy.conf forwards X-Request-Id");
        // A location with its own proxy_set_header would silently drop every inherited one, the stripping included.
        for (String other : List.of("routes.conf", "errors.conf", "nginx.conf.template")) {
            String text = Files.readString(new File(GATEWAY_CONFIG, other).toPath());
            assertFalse(text.contains("proxy_set_header"), other + " must not set proxy headers of its own");
        }
    }

    private static void assertGatewayError(int status, String allowOrigin, Response response) throws IOException {
        assertGatewayError(status, allowOrigin, response.statusCode(), response.header("Content-Type"),
                response.header("Access-Control-Allow-Origin"), response.asString());
    }

    private static void assertGatewayError(int status, String allowOrigin, int actualStatus, String contentType,
                                           String actualAllowOrigin, String body) throws IOException {
        assertEquals(status, actualStatus, body);
        assertEquals(JSONAPI, contentType, "Content-Type of the " + status);
        assertEquals(allowOrigin, actualAllowOrigin, "Access-Control-Allow-Origin of the " + status);
        assertErrorDocument(status, body);
    }

    private static void assertErrorDocument(int status, String body) throws IOException {
        JsonNode document = JSON.readTree(body);
        JsonNode error = document.path("errors").path(0);
        assertEquals(String.valueOf(status), error.path("status").asText(), body);
        assertFalse(error.path("title").asText().isBlank(), body);
        assertFalse(error.path("detail").asText().isBlank(), body);
        assertEquals("1.0", document.path("jsonapi").path("version").asText(), body);
    }

    /** Sends bytes exactly as written (no client would send these) and reads the answer until nginx closes. */
    private static RawResponse raw(String request) throws IOException {
        return raw(request, null);
    }

    /** The same from a given local address (null: any). */
    private static RawResponse raw(String request, InetAddress from) throws IOException {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            // The gateway listens on 127.0.0.1: "localhost" must not resolve to ::1 when bound to an IPv4 source.
            String host = "localhost".equals(gateway.getHost()) ? "127.0.0.1" : gateway.getHost();
            socket.connect(new InetSocketAddress(host, gateway.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers,
                    new String(answer.toByteArray(), headEnd + 4, answer.size() - headEnd - 4, StandardCharsets.UTF_8));
        }
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static int topologyPort(String component) throws IOException {
        for (String line : Files.readAllLines(new File(REPOSITORY, "deploy/topology.tsv").toPath())) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[0].equals(component)) {
                return Integer.parseInt(columns[2]);
            }
        }
        throw new IllegalStateException(component + " is not in deploy/topology.tsv");
    }

    private static void dev(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(new File(REPOSITORY, "dev").getPath()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(REPOSITORY).inheritIO().start();
        assertEquals(0, process.waitFor(), "./dev " + String.join(" ", command) + " failed");
    }
}
