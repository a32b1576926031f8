package org.openevent.user.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the mails this service composes link to (SMTP itself is configured as {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "openevent.mail")
public interface MailConfig {

    /** The frontend's public base URL: verification and reset links open its {@code /verify} and {@code /reset-password}. */
    @WithDefault("http://localhost:4200")
    String frontendUrl();

    /** The platform's name in subjects and greetings. */
    @WithDefault("Open Event")
    String appName();
}
