package org.openevent.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the mails a real SMTP server stored in a Maildir (the platform's {@code .data/mail}, or {@link LocalSmtp}'s
 * folder in module tests): headers, and the body with quoted-printable and base64 parts decoded, so a test can find
 * the link a mail carries.
 */
public final class Maildir {

    private final Path root;

    public Maildir(Path root) {
        this.root = root;
    }

    /** One stored message: its recipients, subject and decoded text. */
    public record Message(String to, String subject, String text) {

        /** The value of {@code token=} in the first link of the mail, or null. */
        public String token() {
            var matcher = java.util.regex.Pattern.compile("token=([A-Za-z0-9_%.-]+)").matcher(text);
            return matcher.find() ? java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
        }
    }

    /** Every message stored so far. */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        for (String folder : List.of("new", "cur")) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    try {
                        messages.add(parse(Files.readString(file, StandardCharsets.ISO_8859_1)));
                    } catch (IOException e) {
                        // A message being moved between folders: read on the next poll.
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return messages;
    }

    /** Waits until a message to {@code address} matching {@code wanted} arrives, or fails. */
    public Message await(String address, Predicate<Message> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message message : messages()) {
                if (message.to().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))
                        && wanted.test(message)) {
                    return message;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail to " + address + " within " + timeout + " in " + root);
    }

    /** How many messages were sent to {@code address}. */
    public long count(String address) {
        return messages().stream().filter(m -> m.to().toLowerCase(Locale.ROOT)
                .contains(address.toLowerCase(Locale.ROOT))).count();
    }

    static Message parse(String raw) {
        String[] parts = raw.split("\r?\n\r?\n", 2);
        String headers = parts[0].replaceAll("\r?\n[ \t]+", " ");
        String to = header(headers, "To");
        String subject = decodeWords(header(headers, "Subject"));
        String body = parts.length > 1 ? parts[1] : "";
        StringBuilder text = new StringBuilder();
        String type = header(headers, "Content-Type").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            String boundary = type.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
            for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
                String[] section = part.split("\r?\n\r?\n", 2);
                if (section.length == 2) {
                    text.append(decode(section[0].replaceAll("\r?\n[ \t]+", " "), section[1])).append('\n');
                }
            }
        } else {
            text.append(decode(headers, body));
        }
        return new Message(to, subject, text.toString());
    }

    private static String decode(String headers, String body) {
        String encoding = header(headers, "Content-Transfer-Encoding").toLowerCase(Locale.ROOT);
        if (encoding.equals("base64")) {
            return new String(java.util.Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
        }
        if (encoding.equals("quoted-printable")) {
            return qDecode(body.replaceAll("=\r?\n", ""));
        }
        return body;
    }

    /** Decodes RFC 2047 encoded words ({@code =?UTF-8?Q?...?=} and {@code =?UTF-8?B?...?=}) in a header. */
    static String decodeWords(String header) {
        var matcher = java.util.regex.Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=\\s*").matcher(header);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String text = matcher.group(3);
            String decoded = matcher.group(2).equalsIgnoreCase("B")
                    ? new String(java.util.Base64.getDecoder().decode(text), StandardCharsets.UTF_8)
                    : qDecode(text.replace('_', ' '));
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(decoded));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String qDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write((byte) c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r?\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
