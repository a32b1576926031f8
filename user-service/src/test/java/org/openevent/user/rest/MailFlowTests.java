package org.openevent.user.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openevent.user.rest.Accounts.JSONAPI;
import static org.openevent.user.rest.Accounts.PASSWORD;
import static org.openevent.user.rest.Accounts.bearer;
import static org.openevent.user.rest.Accounts.login;
import static org.openevent.user.rest.Accounts.signUp;
import static org.openevent.user.rest.Accounts.uniqueEmail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.common.testing.LocalSmtp;
import org.openevent.common.testing.Maildir;
import org.openevent.common.testing.TestTokens;

/** Verification, reset and notice mails read back from a real SMTP server (aiosmtpd), and the mail log. */
@QuarkusTest
class MailFlowTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Maildir.Message mail(String to, String subjectPart) {
        return LocalSmtp.mailbox().await(to, m -> m.subject().contains(subjectPart), WAIT);
    }

    static String data(String members) {
        return "{\"data\": {" + members + "}}";
    }

    @Test
    void signUpSendsAVerificationLinkThatWorksOnce() {
        String email = uniqueEmail();
        long id = signUp(email);
        Maildir.Message message = mail(email, "Account verification");
        assertTrue(message.text().contains("http://frontend.test/verify?token="), message.text());
        String token = message.token();
        assertNotNull(token);
        given().contentType("application/json").body(data("\"token\": \"" + token + "\""))
                .when().post("/v1/auth/verify-email").then().statusCode(200).body("message", equalTo("Email Verified"));
        given().header("Authorization", bearer(login(email, PASSWORD))).when().get("/v1/users/" + id)
                .then().statusCode(200).body("data.attributes.is-verified", equalTo(true));
        given().contentType("application/json").body(data("\"token\": \"" + token + "\""))
                .when().post("/v1/auth/verify-email").then().statusCode(400).body("errors[0].detail", equalTo("Invalid Token"));
        given().contentType("application/json").body(data("\"token\": \"forged\""))
                .when().post("/v1/auth/verify-email").then().statusCode(400);
    }

    @Test
    void resendingVerificationReplacesTheLinkAndIsLimitedPerAddress() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        String first = mail(email, "Account verification").token();
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body(data("\"email\": \"" + email + "\""))
                    .when().post("/v1/auth/resend-verification-email").then().statusCode(200);
        }
        given().contentType("application/json").body(data("\"email\": \"" + email + "\""))
                .when().post("/v1/auth/resend-verification-email").then().statusCode(429);
        // An unknown address gets the same answer as a known one.
        given().contentType("application/json").body(data("\"email\": \"" + uniqueEmail() + "\""))
                .when().post("/v1/auth/resend-verification-email").then().statusCode(200);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (LocalSmtp.mailbox().count(email) < 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(4, LocalSmtp.mailbox().count(email), "the sign-up mail and three resent ones");
        given().contentType("application/json").body(data("\"token\": \"" + first + "\""))
                .when().post("/v1/auth/verify-email").then().statusCode(400);
    }

    @Test
    void resetLinksWorkOnceBeforeTheyExpireAndEndEverySession() throws Throwable {
        String email = uniqueEmail();
        long id = signUp(email);
        String oldToken = login(email, PASSWORD);
        given().contentType("application/json").body(data("\"email\": \"" + email + "\""))
                .when().post("/v1/auth/reset-password").then().statusCode(200).body("email", equalTo(email));
        Maildir.Message reset = mail(email, "Reset your password");
        assertTrue(reset.text().contains("http://frontend.test/reset-password?token="));
        String token = reset.token();
        given().contentType("application/json").body(data("\"token\": \"" + token + "\", \"password\": \"short\""))
                .when().patch("/v1/auth/reset-password").then().statusCode(422);
        given().contentType("application/json").body(data("\"token\": \"" + token + "\", \"password\": \"brand-new-pass\""))
                .when().patch("/v1/auth/reset-password").then().statusCode(200).body("id", equalTo((int) id));
        given().contentType("application/json").body(data("\"token\": \"" + token + "\", \"password\": \"another-pass\""))
                .when().patch("/v1/auth/reset-password").then().statusCode(404);
        login(email, "brand-new-pass");
        given().header("Authorization", bearer(oldToken)).when().get("/v1/users/" + id).then().statusCode(401)
                .body("errors[0].detail", equalTo("Token has been revoked"));
        mail(email, "Your password was changed");

        // An expired link does nothing.
        given().contentType("application/json").body(data("\"email\": \"" + email + "\""))
                .when().post("/v1/auth/reset-password").then().statusCode(200);
        String expired = LocalSmtp.mailbox().await(email, m -> m.subject().contains("Reset your password")
                && !token.equals(m.token()), WAIT).token();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                        "UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = :id")
                        .setParameter("id", id).executeUpdate())));
        given().contentType("application/json").body(data("\"token\": \"" + expired + "\", \"password\": \"too-late-pass\""))
                .when().patch("/v1/auth/reset-password").then().statusCode(404);
        // Three reset requests per address and hour; the fourth is refused. Unknown addresses answer alike.
        given().contentType("application/json").body(data("\"email\": \"" + email + "\""))
                .when().post("/v1/auth/reset-password").then().statusCode(200);
        given().contentType("application/json").body(data("\"email\": \"" + email + "\""))
                .when().post("/v1/auth/reset-password").then().statusCode(429);
        given().contentType("application/json").body(data("\"email\": \"" + uniqueEmail() + "\""))
                .when().post("/v1/auth/reset-password").then().statusCode(200);
    }

    @Test
    void changingThePasswordNeedsTheOldOneAndNotifiesTheOwner() throws Exception {
        String email = uniqueEmail();
        long id = signUp(email);
        String token = bearer(login(email, PASSWORD));
        given().contentType("application/json").header("Authorization", token)
                .body(data("\"old-password\": \"not-it-at-all\", \"new-password\": \"a-new-password\""))
                .when().post("/v1/auth/change-password").then().statusCode(400)
                .body("errors[0].detail", equalTo("Wrong Password. Please enter correct current password."));
        given().contentType("application/json")
                .body(data("\"old-password\": \"" + PASSWORD + "\", \"new-password\": \"a-new-password\""))
                .when().post("/v1/auth/change-password").then().statusCode(401);
        String fresh = given().contentType("application/json").header("Authorization", token)
                .body(data("\"old-password\": \"" + PASSWORD + "\", \"new-password\": \"a-new-password\""))
                .when().post("/v1/auth/change-password").then().statusCode(200)
                .body("password-changed", equalTo(true)).body("email", equalTo(email))
                .extract().path("access_token");
        given().header("Authorization", token).when().get("/v1/users/" + id).then().statusCode(401);
        given().header("Authorization", bearer(fresh)).when().get("/v1/users/" + id).then().statusCode(200);
        assertEquals(1, Accounts.claims(fresh).get("tgen").asLong());
        mail(email, "Your password was changed");
        given().contentType("application/json").header("Authorization", bearer(fresh)).body("{\"password\": \"a-new-password\"}")
                .when().post("/v1/auth/verify-password").then().statusCode(200).body("result", equalTo(true));
        given().contentType("application/json").header("Authorization", bearer(fresh)).body("{\"password\": \"" + PASSWORD + "\"}")
                .when().post("/v1/auth/verify-password").then().statusCode(200).body("result", equalTo(false));
    }

    @Test
    void anEmailChangeIsVerifiedAtTheNewAddress() {
        String email = uniqueEmail();
        long id = signUp(email);
        String newEmail = uniqueEmail();
        given().contentType(JSONAPI).header("Authorization", bearer(Accounts.freshLogin(email, PASSWORD)))
                .body(UserResourceTests.patchBody(id, "\"email\": \"" + newEmail + "\""))
                .when().patch("/v1/users/" + id).then().statusCode(200).body("data.attributes.is-verified", equalTo(false));
        String token = mail(newEmail, "Account verification").token();
        given().contentType("application/json").body(data("\"token\": \"" + token + "\""))
                .when().post("/v1/auth/verify-email").then().statusCode(200);
    }

    @Test
    void mailsOfOtherServicesAreSentRecordedAndAnnouncedWithoutTheAddress() throws Exception {
        String to = uniqueEmail();
        String mailId = UUID.randomUUID().toString();
        String envelope = """
                {"messageId": "%s", "type": "mail.requested", "schemaVersion": 1, "aggregateType": "mail",
                 "aggregateId": "%s", "aggregateVersion": 1, "occurredAt": "2027-01-01T00:00:00Z",
                 "payload": {"mailId": "%s", "kind": "role-invite", "to": "%s", "subject": "You are invited to Conf",
                             "text": "Accept at http://frontend.test/role-invites?token=abc", "html": null, "userId": null}}"""
                .formatted(UUID.randomUUID(), mailId, mailId, to);
        KafkaProbe.send(bootstrap, Topics.MAILS, mailId, envelope);
        KafkaProbe.send(bootstrap, Topics.MAILS, mailId, envelope.replaceFirst("\"messageId\": \"[^\"]+\"",
                "\"messageId\": \"" + UUID.randomUUID() + "\""));
        mail(to, "You are invited to Conf");
        var sent = KafkaProbe.await(bootstrap, Topics.MAILS, r -> mailId.equals(r.key())
                && r.value().contains("\"mail.sent\""), WAIT);
        assertFalse(sent.value().contains(to), "mail.sent carries no address");
        Thread.sleep(500);
        assertEquals(1, LocalSmtp.mailbox().count(to), "a redelivered request is sent once");

        String admin = bearer(Accounts.rootToken());
        given().header("Authorization", admin)
                .queryParam("filter", "[{\"name\": \"recipient\", \"op\": \"ilike\", \"val\": \"%" + to + "%\"}]")
                .queryParam("sort", "-time")
                .when().get("/v1/mails").then().statusCode(200)
                .body("meta.count", equalTo(1))
                .body("data[0].type", equalTo("mail"))
                .body("data[0].attributes.recipient", equalTo(to))
                .body("data[0].attributes.action", equalTo("role-invite"))
                .body("data[0].attributes.subject", equalTo("You are invited to Conf"));
        given().header("Authorization", admin).when().get("/v1/mails?page[size]=100").then().statusCode(200)
                .body("meta.count", greaterThanOrEqualTo(1)).body("data.attributes.recipient", hasItem(to));
        given().when().get("/v1/mails").then().statusCode(401);
        given().header("Authorization", bearer(TestTokens.user(900_000_222L))).when().get("/v1/mails").then().statusCode(403);
        String mailPath = given().header("Authorization", admin).queryParam("filter",
                        "[{\"name\": \"recipient\", \"op\": \"eq\", \"val\": \"" + to + "\"}]")
                .when().get("/v1/mails").then().extract().path("data[0].links.self");
        given().header("Authorization", bearer(TestTokens.user(900_000_222L))).when().get(mailPath).then().statusCode(404);
        given().header("Authorization", admin).contentType(JSONAPI).when().delete(mailPath).then().statusCode(403);
    }
}
