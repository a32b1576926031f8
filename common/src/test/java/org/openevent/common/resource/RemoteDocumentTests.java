package org.openevent.common.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openevent.common.jsonapi.Document;

/** Another service's answer passes through a compound document byte for byte, with the linkage linkers read. */
class RemoteDocumentTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SESSION_1 = "{\"type\":\"session\",\"id\":\"1\",\"attributes\":{\"title\":"
            + "\"Gr\\u00fc\\u00dfe \\\"quoted\\\" {braces} [and] ü\",\"starts-at\":null,\"nested\":{\"deep\":[1,{\"x\":2}]}},"
            + "\"relationships\":{\"track\":{\"data\":{\"type\":\"track\",\"id\":\"7\"}},"
            + "\"event\":{\"links\":{\"related\":\"/v1/sessions/1/event\"},\"data\":{\"type\":\"event\",\"id\":\"42\"}}},"
            + "\"links\":{\"self\":\"/v1/sessions/1\"}}";
    private static final String SESSION_2 = "{\"id\":\"2\",\"type\":\"session\",\"attributes\":{},"
            + "\"relationships\":{\"event\":{\"data\":null}}}";
    private static final String TRACK_7 = "{\"type\":\"track\",\"id\":\"7\",\"attributes\":{\"name\":\"Platform\"}}";
    private static final String ANSWER = "{\"meta\":{\"count\":2},\"data\":[" + SESSION_1 + " , " + SESSION_2
            + "],\"included\":[" + TRACK_7 + "],\"jsonapi\":{\"version\":\"1.0\"}}";

    @Test
    void everyResourceKeepsItsExactJsonAndItsTypeIdAndEvent() throws IOException {
        RemoteDocument document = read(ANSWER);

        assertEquals(List.of(SESSION_1, SESSION_2), document.data().stream().map(RemoteDocument.Resource::json)
                .toList());
        assertEquals(List.of(TRACK_7), document.included().stream().map(RemoteDocument.Resource::json).toList());
        RemoteDocument.Resource first = document.data().get(0);
        assertEquals("session", first.type());
        assertEquals("1", first.id());
        assertEquals("42", first.eventId());
        assertNull(document.data().get(1).eventId());
        assertEquals("7", document.included().get(0).id());
    }

    @Test
    void theLinkageSkeletonAnswersWhatLinkersAsk() throws IOException {
        JsonNode linkage = read(ANSWER).linkage();

        assertEquals(2, linkage.path("data").size());
        assertEquals(42, linkage.path("data").path(0).path("relationships").path("event").path("data").path("id")
                .asLong());
        assertEquals(2, linkage.path("data").path(1).path("id").asLong());
        assertEquals(0, linkage.path("data").path(1).path("relationships").path("event").path("data").path("id")
                .asLong());
    }

    @Test
    void aCompoundDocumentOfPassedThroughResourcesEqualsOneBuiltFromTheParsedTree() throws IOException {
        RemoteDocument document = read(ANSWER);
        JsonNode tree = MAPPER.readTree(ANSWER);
        List<Object> passedThrough = new ArrayList<>(document.data());
        passedThrough.addAll(document.included());
        List<Object> parsed = new ArrayList<>();
        tree.path("data").forEach(parsed::add);
        tree.path("included").forEach(parsed::add);

        String fast = MAPPER.writeValueAsString(new Document(Map.of("type", "event", "id", "42"), passedThrough,
                null, null, null));
        String slow = MAPPER.writeValueAsString(new Document(Map.of("type", "event", "id", "42"), parsed, null, null,
                null));

        assertEquals(MAPPER.readTree(slow), MAPPER.readTree(fast));
    }

    @Test
    void aSingleResourceAndEmptyOrMissingMembersAreRead() throws IOException {
        assertEquals(List.of(TRACK_7), read("{\"data\":" + TRACK_7 + "}").data().stream()
                .map(RemoteDocument.Resource::json).toList());
        assertEquals(0, read("{\"data\":null}").data().size());
        assertEquals(0, read("{\"data\":[],\"included\":[]}").included().size());
        assertEquals(0, read("{\"meta\":{}}").data().size());
    }

    @Test
    void anAnswerThatIsNotADocumentIsRefused() {
        assertThrows(IOException.class, () -> read("[1,2]"));
        assertThrows(IOException.class, () -> read("{\"data\":[{\"type\":\"session\""));
    }

    private static RemoteDocument read(String answer) throws IOException {
        return RemoteDocument.read(MAPPER.getFactory(), answer.getBytes(StandardCharsets.UTF_8));
    }
}
