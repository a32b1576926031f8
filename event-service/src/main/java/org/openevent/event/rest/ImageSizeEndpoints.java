package org.openevent.event.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.security.Caller;
import org.openevent.event.domain.EventImageSize;
import org.openevent.event.domain.SpeakerImageSize;

/** The image-size singletons at {@code /v1/event-image-sizes} (id 1) and {@code /v1/speaker-image-sizes} (id 2). */
public final class ImageSizeEndpoints {

    private ImageSizeEndpoints() {
    }

    /** Event image sizes. */
    @Path("/v1/event-image-sizes")
    public static class EventSizes extends SingletonEndpoint {
        public EventSizes(ResourceEngine engine, Caller caller) {
            super(engine, caller, "event-image-size", EventImageSize.ID);
        }
    }

    /** Speaker image sizes. */
    @Path("/v1/speaker-image-sizes")
    public static class SpeakerSizes extends SingletonEndpoint {
        public SpeakerSizes(ResourceEngine engine, Caller caller) {
            super(engine, caller, "speaker-image-size", SpeakerImageSize.ID);
        }
    }
}
