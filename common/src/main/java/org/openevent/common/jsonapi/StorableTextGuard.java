package org.openevent.common.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openevent.common.resource.Texts;

/**
 * Refuses JSON request bodies carrying text PostgreSQL cannot store faithfully (NUL, unpaired UTF-16 surrogates)
 * with a 422 pointing at each such value, on every route: the kit's, and the hand-written ones (sign-up, login)
 * whose values would otherwise reach the database. Bodies without a suspicious byte sequence are not parsed here.
 */
@Provider
public class StorableTextGuard implements ReaderInterceptor {

    /** Reported at most; a body with more is refused all the same. */
    static final int MAX_POINTERS = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!textual(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        if (suspicious(body)) {
            List<String> pointers = unstorable(body);
            if (!pointers.isEmpty()) {
                throw ApiException.all(pointers.stream()
                        .map(pointer -> ApiException.unprocessable(pointer, Texts.UNSTORABLE)).toList());
            }
        }
        return context.proceed();
    }

    /** JSON, or text a client may have sent JSON as; never uploads. */
    static boolean textual(MediaType type) {
        return type == null || type.getSubtype().endsWith("json") || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
    }

    /**
     * Whether the bytes may hold an unstorable string: a raw NUL, the escape of NUL or of a surrogate
     * ({@code \}{@code u0000}, {@code \}{@code ud800}-{@code \}{@code udfff}, any case), or the three-byte encoding
     * of a surrogate (ED A0-BF), which JSON parsers decode into a lone surrogate.
     */
    static boolean suspicious(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == 0) {
                return true;
            }
            if ((b & 0xFF) == 0xED && i + 1 < body.length && (body[i + 1] & 0xE0) == 0xA0) {
                return true;
            }
            if (b == '\\' && i + 5 < body.length && (body[i + 1] == 'u' || body[i + 1] == 'U')) {
                char first = Character.toLowerCase((char) body[i + 2]);
                char second = Character.toLowerCase((char) body[i + 3]);
                if (first == '0' && second == '0' && body[i + 4] == '0' && body[i + 5] == '0'
                        || first == 'd' && second >= '8' && second <= 'f') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The pointers of the unstorable strings of a JSON body; none when it is no JSON (the route judges that). */
    static List<String> unstorable(byte[] body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> pointers = new ArrayList<>();
        if (tree != null) {
            Texts.unstorable(tree, "", pointers, MAX_POINTERS);
        }
        return pointers.stream().map(pointer -> pointer.isEmpty() ? "/" : pointer).toList();
    }
}
