package org.openevent.export.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.property.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Independent checks of rendered calendars. Every parser reports each VEVENT as an {@link Entry} (UID, start and
 * end instants, STATUS, SEQUENCE, SUMMARY) so tests compare what each understood with the instants the fixture
 * meant: ical4j in strict mode with its RFC 5545 validation, biweekly (iCalendar, xCal and jCal, with its parse
 * warnings and validation), Python's icalendar (Debian's python3-icalendar, the original server's library) and
 * ical.js (Thunderbird's parser, from the npm registry, for iCalendar and jCal); XML Schemas for xCal and Pentabarf.
 */
public final class Validators {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "validators");
    private static final String ICAL_JS = "ical.js@2.2.1";
    private static final String ICAL4J_GEO_RULE = "([0-9]*[.])?[0-9]+;([0-9]*[.])?[0-9]+";
    private static final String RFC_GEO = "[+-]?[0-9]+(\\.[0-9]+)?;[+-]?[0-9]+(\\.[0-9]+)?";

    private Validators() {
    }

    /** One VEVENT as a parser understood it. */
    public record Entry(String uid, Instant start, Instant end, String status, int sequence, String summary) {
    }

    /** RFC 5545 section 3.1: CRLF only, no line over 75 octets. */
    public static void assertOctetFolded(byte[] bytes) {
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at octet " + i);
                assertTrue(i - 1 - lineStart <= 75, "line of " + (i - 1 - lineStart) + " octets");
                lineStart = i + 1;
            }
        }
        assertEquals(bytes.length, lineStart, "the last line ends with CRLF");
    }

    /** ical4j 4 in strict mode: parses, and its RFC 5545 validation finds nothing. */
    public static Map<String, Entry> ical4j(String ics) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (Exception e) {
            throw new AssertionError("ical4j refused the calendar: " + e, e);
        }
        ValidationResult result = calendar.validate();
        List<Object> errors = new ArrayList<>();
        for (var entry : result.getEntries()) {
            if (!(entry.getContext().equals("GEO") && entry.getMessage().contains(ICAL4J_GEO_RULE))) {
                errors.add(entry);
            }
        }
        assertTrue(errors.isEmpty(), "ical4j validation: " + errors);
        for (Component event : calendar.getComponents(Component.VEVENT)) {
            // ical4j 4.1.1 checks GEO with an expression without signs, so it rejects every western longitude and
            // southern latitude; RFC 5545's FLOAT (section 3.3.7) is checked here instead.
            event.getProperty(Property.GEO).ifPresent(geo -> assertTrue(geo.getValue().matches(RFC_GEO),
                    "GEO is not two RFC 5545 floats: " + geo.getValue()));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Component event : calendar.getComponents(Component.VEVENT)) {
            String uid = event.getProperty(Property.UID).orElseThrow().getValue();
            Instant start = instant(event, Property.DTSTART);
            Instant end = event.getProperty(Property.DTEND).isPresent() ? instant(event, Property.DTEND) : null;
            String status = event.getProperty(Property.STATUS).map(Property::getValue).orElse(null);
            int sequence = event.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue())).orElse(0);
            entries.put(uid, new Entry(uid, start, end, status, sequence,
                    event.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null)));
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Instant instant(Component event, String name) {
        net.fortuna.ical4j.model.property.DateProperty<Temporal> property =
                (net.fortuna.ical4j.model.property.DateProperty<Temporal>) event.getProperty(name).orElseThrow();
        return Instant.from(property.getDate());
    }

    public static Map<String, Entry> biweeklyText(String ics) {
        return biweekly(warnings -> Biweekly.parse(ics).warnings(warnings).first(), "iCalendar");
    }

    public static Map<String, Entry> biweeklyXml(String xml) {
        return biweekly(warnings -> Biweekly.parseXml(xml).warnings(warnings).first(), "xCal");
    }

    public static Map<String, Entry> biweeklyJson(String json) {
        return biweekly(warnings -> Biweekly.parseJson(json).warnings(warnings).first(), "jCal");
    }

    /** One of biweekly's parsers, reading the first calendar and collecting its warnings. */
    private interface BiweeklyParse {
        ICalendar first(List<List<ParseWarning>> warnings) throws IOException;
    }

    private static Map<String, Entry> biweekly(BiweeklyParse parser, String what) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar;
        try {
            calendar = parser.first(warnings);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(calendar != null, "biweekly found no " + what + " calendar");
        assertTrue(warnings.stream().allMatch(List::isEmpty), "biweekly " + what + " parse warnings: " + warnings);
        assertTrue(calendar.validate(ICalVersion.V2_0).isEmpty(),
                "biweekly " + what + " validation: " + calendar.validate(ICalVersion.V2_0));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (VEvent event : calendar.getEvents()) {
            String uid = event.getUid().getValue();
            Sequence sequence = event.getSequence();
            entries.put(uid, new Entry(uid, event.getDateStart().getValue().toInstant(),
                    event.getDateEnd() == null ? null : event.getDateEnd().getValue().toInstant(),
                    event.getStatus() == null ? null : event.getStatus().getValue(),
                    sequence == null ? 0 : sequence.getValue(),
                    event.getSummary() == null ? null : event.getSummary().getValue()));
        }
        return entries;
    }

    /** Python's icalendar, run as Debian's /usr/bin/python3 with python3-icalendar installed. */
    public static Map<String, Entry> python(String ics) {
        return entries(run(List.of("/usr/bin/python3", script("icalendar_instants.py").toString(),
                file("calendar.ics", ics).toString())));
    }

    /** ical.js under node, for iCalendar ({@code jcal=false}) or jCal. */
    public static Map<String, Entry> icalJs(String text, boolean jcal) {
        Path module = icalJsModule();
        return entries(run(List.of("node", script("icaljs_instants.mjs").toString(), module.toUri().toString(),
                file(jcal ? "calendar.jcal" : "calendar.ics", text).toString(), jcal ? "jcal" : "ics")));
    }

    /**
     * The instants an xCal document's date-time values name, resolved with java.time from each value and its
     * {@code tzid} parameter (or {@code Z}): the instants check for xCal, whose only other reader is biweekly.
     */
    public static Map<String, Entry> xcalValues(String xml) {
        try {
            org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
                    .newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
            org.w3c.dom.NodeList events = document.getElementsByTagNameNS(XCAL, "vevent");
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < events.getLength(); i++) {
                org.w3c.dom.Element event = (org.w3c.dom.Element) events.item(i);
                String uid = text(event, "uid");
                String sequence = text(event, "sequence");
                entries.put(uid, new Entry(uid, xcalInstant(event, "dtstart"), xcalInstant(event, "dtend"),
                        text(event, "status"), sequence == null ? 0 : Integer.parseInt(sequence),
                        text(event, "summary")));
            }
            return entries;
        } catch (Exception e) {
            throw new AssertionError("Unreadable xCal: " + e, e);
        }
    }

    private static final String XCAL = "urn:ietf:params:xml:ns:icalendar-2.0";

    private static String text(org.w3c.dom.Element event, String property) {
        org.w3c.dom.NodeList found = event.getElementsByTagNameNS(XCAL, property);
        return found.getLength() == 0 ? null : found.item(0).getLastChild().getTextContent();
    }

    private static Instant xcalInstant(org.w3c.dom.Element event, String property) {
        org.w3c.dom.NodeList found = event.getElementsByTagNameNS(XCAL, property);
        if (found.getLength() == 0) {
            return null;
        }
        org.w3c.dom.Element element = (org.w3c.dom.Element) found.item(0);
        String value = element.getElementsByTagNameNS(XCAL, "date-time").item(0).getTextContent();
        if (value.endsWith("Z")) {
            return Instant.parse(value);
        }
        org.w3c.dom.NodeList tzid = element.getElementsByTagNameNS(XCAL, "tzid");
        assertEquals(1, tzid.getLength(), property + " without Z needs a tzid: " + value);
        return java.time.LocalDateTime.parse(value).atZone(java.time.ZoneId.of(tzid.item(0).getTextContent().trim()))
                .toInstant();
    }

    public static void assertXcalSchema(String xml) {
        assertSchema("xcal.xsd", xml);
    }

    public static void assertPentabarfSchema(String xml) {
        assertSchema("pentabarf.xsd", xml);
    }

    private static void assertSchema(String schema, String xml) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.newSchema(script(schema).toFile()).newValidator()
                    .validate(new StreamSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError(schema + " rejects the document: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static synchronized Path icalJsModule() {
        Path module = WORK.resolve("node_modules/ical.js/dist/ical.js").toAbsolutePath();
        if (!Files.exists(module)) {
            run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                    WORK.toAbsolutePath().toString(), ICAL_JS));
        }
        assertTrue(Files.exists(module), "npm did not install " + ICAL_JS);
        return module;
    }

    private static Map<String, Entry> entries(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (JsonNode event : root.get("events")) {
                String uid = event.get("uid").asText();
                entries.put(uid, new Entry(uid, Instant.ofEpochSecond(event.get("start").asLong()),
                        event.get("end").isNull() ? null : Instant.ofEpochSecond(event.get("end").asLong()),
                        event.get("status").isNull() ? null : event.get("status").asText(),
                        event.get("sequence").asInt(), event.get("summary").asText()));
            }
            return entries;
        } catch (IOException e) {
            throw new AssertionError("Unreadable validator output: " + json, e);
        }
    }

    private static Path script(String name) {
        return Path.of("src", "test", "resources", "validators", name).toAbsolutePath();
    }

    private static synchronized Path file(String name, String content) {
        try {
            Files.createDirectories(WORK);
            Path file = Files.createTempFile(WORK, "calendar", name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
            assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n"
                    + new String(err, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8));
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + " (python3-icalendar and node are needed by "
                    + "the calendar tests): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
