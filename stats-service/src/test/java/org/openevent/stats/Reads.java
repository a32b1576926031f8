package org.openevent.stats;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.openevent.common.testing.TestTokens;

/** Reads the statistics through HTTP as the frontend does, and the differences between two reads. */
public final class Reads {

    public static final String ADMIN_STATISTICS = "/v1/admin/statistics";

    private Reads() {
    }

    /** An admin statistics singleton read by an admin. */
    public static JsonPath admin(String path) {
        return given().header("Authorization", "JWT " + TestTokens.admin(1))
                .when().get(ADMIN_STATISTICS + path)
                .then().statusCode(200).extract().jsonPath();
    }

    /** One numeric attribute of a singleton (dasherized names are fine). */
    public static long figure(JsonPath singleton, String attribute) {
        return singleton.getLong("data.attributes.'" + attribute + "'");
    }

    /** How much an attribute grew between two reads. */
    public static long delta(JsonPath before, JsonPath after, String attribute) {
        return figure(after, attribute) - figure(before, attribute);
    }

    /** Today's entry of a per-day series attribute. */
    public static long today(JsonPath singleton, String series) {
        List<Map<String, Object>> days = singleton.getList("data.attributes.'" + series + "'");
        Map<String, Object> last = days.get(days.size() - 1);
        if (!LocalDate.now(ZoneOffset.UTC).toString().equals(last.get("date"))) {
            throw new AssertionError("The series " + series + " does not end today: " + last);
        }
        return ((Number) last.get("count")).longValue();
    }
}
