package org.openevent.user.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openevent.user.domain.User;
import org.openevent.user.repository.UserRepository;

/** The administrator account configured in the test profile (openevent.admin.*). */
@QuarkusTest
class AdminBootstrapTests {

    static final String EMAIL = "root@openevent.test";
    static final String PASSWORD = "bootstrap-secret-42";

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    UserRepository users;

    static String login() {
        return given().contentType("application/json")
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(EMAIL, PASSWORD))
                .when().post("/v1/auth/login")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void configuredAdminCanLogInWithAdminRights() throws Exception {
        String token = login();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(claims.get("groups").toString().contains("\"admin\""), claims.toString());
        long id = claims.get("identity").asLong();
        given().header("Authorization", "JWT " + token)
                .when().get("/v1/users/" + id)
                .then().statusCode(200)
                .body("data.attributes.is-admin", equalTo(true))
                .body("data.attributes.is-super-admin", equalTo(true))
                .body("data.attributes.email", equalTo("Root@OpenEvent.test"));
        given().header("Authorization", "JWT " + token).when().get("/v1/users").then().statusCode(200);
    }

    @Test
    void bootstrapIsIdempotent() throws Throwable {
        User first = VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensureAdmin());
        User second = VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensureAdmin());
        assertEquals(first.id, second.id);
        assertEquals(first.version, second.version, "an unchanged configuration changes nothing");
        long accounts = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> users.count("lower(email) = ?1", EMAIL)));
        assertEquals(1, accounts);
        assertEquals(first.id, new ObjectMapper().readTree(Base64.getUrlDecoder().decode(login().split("\\.")[1]))
                .get("identity").asLong());
    }

    @Test
    void aRestartRepairsTheExistingAccountAfterTheStart() throws Throwable {
        User admin = VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensureAdmin());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> users.findById(admin.id)
                .invoke(found -> {
                    found.superAdmin = false;
                    found.changed();
                })));
        bootstrap.repairInBackground().get(30, TimeUnit.SECONDS);
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> users.findById(admin.id)))
                .superAdmin, "the background check restores the super admin flag");
        assertEquals(admin.id, new ObjectMapper().readTree(Base64.getUrlDecoder().decode(login().split("\\.")[1]))
                .get("identity").asLong());
    }
}
