package org.openevent.event.service;

import org.eclipse.microprofile.config.ConfigProvider;
import org.openevent.event.domain.Event;

/**
 * The addresses of an event's live calendar feeds, served by export-service through the gateway: absolute on the
 * API's public base URL ({@code openevent.site.api-url}), and only for a published event (a draft has no feed).
 */
final class FeedLinks {

    private FeedLinks() {
    }

    /** The feed of {@code event} with the given extension ({@code ics}, {@code xcs}, {@code xml}), or null. */
    static String of(Event event, String extension) {
        if (!event.isPublished() || event.deletedAt != null || event.identifier == null) {
            return null;
        }
        return Base.URL + "/v1/events/" + event.identifier + "." + extension;
    }

    /** Read once: the declaration is static, the address does not change while the service runs. */
    private static final class Base {
        static final String URL = strip(ConfigProvider.getConfig().getOptionalValue("openevent.site.api-url",
                String.class).orElse("http://localhost:8080"));

        private static String strip(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
