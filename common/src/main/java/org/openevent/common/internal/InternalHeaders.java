package org.openevent.common.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Adds the shared internal secret to calls of REST clients registered with it. */
@ApplicationScoped
public class InternalHeaders implements ClientHeadersFactory {

    private final InternalConfig config;

    public InternalHeaders(InternalConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        config.secret().ifPresent(secret -> headers.putSingle(InternalAuth.HEADER, secret));
        return headers;
    }
}
