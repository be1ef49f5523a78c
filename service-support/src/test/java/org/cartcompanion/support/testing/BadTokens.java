package org.cartcompanion.support.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The tokens every secured endpoint must refuse with 401, and the check that it does. */
public final class BadTokens {

    private BadTokens() {
    }

    /**
     * (kind, token): none, expired, foreign issuer, foreign key, tampered, garbage, and the groups signed with the services'
     * key (a service token made to act as a user, or an unknown service). The token is null for "none".
     */
    public static Stream<Arguments> all(String subject, String... groups) {
        return Stream.of(Arguments.of("none", null),
                Arguments.of("expired", TestTokens.expired(subject, groups)),
                Arguments.of("foreign issuer", TestTokens.foreignIssuer(subject, groups)),
                Arguments.of("foreign key", TestTokens.foreignKey(subject, groups)),
                Arguments.of("tampered", TestTokens.tampered(subject, groups)),
                Arguments.of("garbage", "not.a.jwt"),
                Arguments.of("services' key", TestTokens.withServiceKey(subject, groups)));
    }

    /** (kind, token, method, path): each bad token on each (method, path) endpoint. */
    public static Stream<Arguments> onEach(Supplier<Stream<Arguments>> endpoints, String subject, String... groups) {
        return all(subject, groups)
                .flatMap(t -> endpoints.get().map(e -> Arguments.of(t.get()[0], t.get()[1], e.get()[0], e.get()[1])));
    }

    /** The request is answered 401 as problem+json with a Bearer challenge. */
    public static void assertRefused(String token, String method, String path) {
        RequestSpecification request = given().contentType(ContentType.JSON).body("{}");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.request(method, path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }
}
