package org.openevent.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What a fresh install shows before an admin changes anything: names and the public addresses of the site. */
@ConfigMapping(prefix = "openevent.site")
public interface SiteConfig {

    /** The application name the frontend shows. */
    @WithDefault("Open Event")
    String appName();

    /** Where the frontend is served (links in mails point there). */
    @WithDefault("http://localhost:4200")
    String frontendUrl();

    /** The API's public base URL: the gateway's address. */
    @WithDefault("http://localhost:8080")
    String apiUrl();

    /** The image of a topic that has none of its own; by default the frontend's "Other" placeholder. */
    Optional<String> defaultTopicImageUrl();

    default String topicImageFallback() {
        return defaultTopicImageUrl().orElse(frontendUrl() + "/images/placeholders/Other.jpg");
    }
}
