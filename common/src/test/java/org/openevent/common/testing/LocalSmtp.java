package org.openevent.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real SMTP server for module tests: Debian's aiosmtpd (run by the system {@code /usr/bin/python3}) on a free
 * port, storing every message in a Maildir of its own ({@link #mailbox()}), the same server {@code ./dev up} runs.
 * Points {@code quarkus.mailer.host/port} at it.
 */
public class LocalSmtp implements QuarkusTestResourceLifecycleManager {

    private static volatile Path folder;
    private Process process;

    /** The messages received so far. */
    public static Maildir mailbox() {
        if (folder == null) {
            throw new IllegalStateException("LocalSmtp is not running");
        }
        return new Maildir(folder);
    }

    @Override
    public Map<String, String> start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            folder = Files.createTempDirectory("openevent-mail");
            for (String sub : new String[] {"new", "cur", "tmp"}) {
                Files.createDirectories(folder.resolve(sub));
            }
            process = new ProcessBuilder("/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port,
                    "-c", "aiosmtpd.handlers.Mailbox", folder.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("smtp.log").toFile()).start();
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (!accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("aiosmtpd did not start (python3-aiosmtpd installed?), see "
                            + folder.resolve("smtp.log"));
                }
                Thread.sleep(100);
            }
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
