package org.openevent.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiPredicate;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.Check;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.ValueType;
import org.openevent.event.config.SiteConfig;
import org.openevent.event.domain.Setting;

/**
 * The site settings ({@code setting}, id 1) with the original's attributes in its three views: the public subset
 * for everyone, the app links for signed-in users, everything for admins. Secrets (credentials of payment, storage,
 * mail and login providers) are write-only: admins set them, nobody reads them back. Unset attributes are served
 * with their defaults; the application name, frontend URL and static domain (the API's public base URL) come from
 * the configuration, so a fresh install works.
 */
@ApplicationScoped
public class SettingRules implements ResourceRules<Setting> {

    private static final List<String> PUBLIC_TEXTS = List.of("tagline", "start-pg-event-id", "analytics-key",
            "fb-client-id", "google-url", "github-url", "twitter-url", "support-url", "facebook-url", "instagram-url",
            "patreon-url", "gitter-url", "telegram-url", "youtube-url", "weblate-url", "cookie-policy",
            "cookie-policy-link", "stripe-client-id", "stripe-publishable-key", "stripe-test-client-id",
            "stripe-test-publishable-key", "stripe-mode", "paypal-mode", "paypal-client", "paypal-sandbox-client",
            "omise-mode", "omise-test-public", "omise-live-public", "alipay-publishable-key", "paytm-mode",
            "paytm-live-merchant", "paytm-sandbox-merchant", "admin-billing-contact-name", "admin-billing-phone",
            "admin-billing-state", "admin-billing-country", "admin-billing-tax-info", "admin-company",
            "admin-billing-address", "admin-billing-city", "admin-billing-zip", "admin-billing-additional-info");
    private static final List<String> MEMBER_TEXTS = List.of("android-app-url", "web-app-url");
    private static final List<String> ADMIN_TEXTS = List.of("storage-place", "aws-key", "aws-bucket-name",
            "aws-region", "gs-key", "gs-bucket-name", "google-recaptcha-site", "google-client-id", "tw-consumer-key",
            "in-client-id", "email-from-name", "smtp-host", "smtp-username");
    private static final List<String> SECRETS = List.of("aws-secret", "gs-secret", "google-recaptcha-secret",
            "google-client-secret", "fb-client-secret", "tw-consumer-secret", "in-client-secret", "stripe-secret-key",
            "stripe-test-secret-key", "paypal-secret", "paypal-sandbox-secret", "omise-test-secret",
            "omise-live-secret", "alipay-secret-key", "paytm-live-secret", "paytm-sandbox-secret", "sendgrid-key",
            "smtp-password", "rocket-chat-registration-secret");
    /** Payment providers are not offered: their switches are always off. */
    private static final List<String> PAYMENT_SWITCHES = List.of("is-paypal-activated", "is-stripe-activated",
            "is-omise-activated", "is-alipay-activated", "is-billing-paypal-activated");

    private static final BiPredicate<Access, Setting> MEMBERS = (access, setting) -> access.isSignedIn();
    private static final BiPredicate<Access, Setting> ADMINS = (access, setting) -> access.isStaff();

    private final ResourceType<Setting> type;

    public SettingRules(SiteConfig site) {
        var b = ResourceType.define("setting", "settings", Setting.class, Setting::new);
        text(b, "app-name", site.appName()).max(255);
        PUBLIC_TEXTS.forEach(name -> text(b, name, null));
        integer(b, "order-expiry-time", 15).range(1, 60);
        text(b, "start-pg-enabled", "default");
        integer(b, "max-complex-custom-fields", 30).range(1, 30);
        text(b, "frontend-url", site.frontendUrl()).check(Check.url());
        text(b, "rocket-chat-url", null).check(Check.url());
        flag(b, "is-paytm-activated", false);
        PAYMENT_SWITCHES.forEach(name -> b.computed(name, ValueType.BOOLEAN, s -> false));
        text(b, "admin-billing-email", null).email();
        text(b, "admin-billing-logo", null).check(Check.url());
        integer(b, "logo-size", 1000).range(1, 1_000_000);
        integer(b, "image-size", 10000).range(1, 1_000_000);
        integer(b, "slide-size", 20000).range(1, 1_000_000);
        MEMBER_TEXTS.forEach(name -> text(b, name, null).readableWhen(MEMBERS));
        text(b, "app-environment", "production").oneOf("development", "staging", "production", "testing")
                .readableWhen(ADMINS);
        text(b, "static-domain", site.apiUrl()).check(Check.url()).readableWhen(ADMINS);
        ADMIN_TEXTS.forEach(name -> text(b, name, null).readableWhen(ADMINS));
        flag(b, "is-google-recaptcha-enabled", false).readableWhen(ADMINS);
        text(b, "email-service", null).oneOf("smtp", "sendgrid").readableWhen(ADMINS);
        text(b, "email-from", null).email().readableWhen(ADMINS);
        integer(b, "smtp-port", null).range(1, 65535).readableWhen(ADMINS);
        text(b, "smtp-encryption", null).oneOf("tls", "ssl", "none").readableWhen(ADMINS);
        integer(b, "invoice-sending-day", 1).range(1, 28).readableWhen(ADMINS);
        text(b, "invoice-sending-timezone", "UTC").timezone().readableWhen(ADMINS);
        text(b, "admin-billing-paypal-email", null).email().readableWhen(ADMINS);
        SECRETS.forEach(name -> text(b, name, null).writeOnly());
        type = b.hardDelete().build();
    }

    @Override
    public ResourceType<Setting> type() {
        return type;
    }

    @Override
    public void checkCreate(Access access, Changes<Setting> changes) {
        access.requireAdmin();
        throw ApiException.forbidden("The settings are a singleton: they can only be read and changed.");
    }

    @Override
    public void checkDelete(Access access, Setting setting) {
        access.requireAdmin();
        throw ApiException.forbidden("The settings are a singleton: they can only be read and changed.");
    }

    /** A text attribute stored under its wire name, served with {@code fallback} while unset. */
    private static ResourceType.Builder<Setting> text(ResourceType.Builder<Setting> b, String name, String fallback) {
        return b.string(property(name), s -> or(s.text(name), fallback), (s, v) -> s.put(name, v)).noFilter();
    }

    private static ResourceType.Builder<Setting> integer(ResourceType.Builder<Setting> b, String name,
                                                         Integer fallback) {
        return b.integer(property(name), s -> or(s.integer(name), fallback), (s, v) -> s.put(name, v)).noFilter();
    }

    private static ResourceType.Builder<Setting> flag(ResourceType.Builder<Setting> b, String name, boolean fallback) {
        return b.bool(property(name), s -> or(s.bool(name), fallback), (s, v) -> s.put(name, v)).notNull()
                .noFilter();
    }

    private static <V> V or(V value, V fallback) {
        return value == null ? fallback : value;
    }

    /** The camelCase name the kit dasherizes back into {@code name}. */
    private static String property(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
