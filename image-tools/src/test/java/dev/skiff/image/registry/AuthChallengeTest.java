package dev.skiff.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void bearerWithRealmServiceAndScope() {
        List<AuthChallenge> all = AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull,push\"");
        assertEquals(1, all.size());
        AuthChallenge c = all.get(0);
        assertTrue(c.isBearer());
        assertEquals("https://auth.docker.io/token", c.param("realm"));
        assertEquals("registry.docker.io", c.param("service"));
        assertEquals("repository:library/alpine:pull,push", c.param("scope"), "the comma inside quotes belongs to the value");
    }

    @Test
    void basicAndCaseInsensitiveNames() {
        AuthChallenge c = AuthChallenge.parse("basic Realm=\"skiff-test\"").get(0);
        assertTrue(c.isBasic());
        assertEquals("skiff-test", c.param("realm"));
        assertEquals("skiff-test", c.param("REALM"));
    }

    @Test
    void severalChallengesTokenValuesSpacesAndEscapes() {
        List<AuthChallenge> all = AuthChallenge.parse(
                "Basic realm=\"a \\\"quoted\\\" realm\" , Bearer realm=https://h/token , error=\"insufficient_scope\", Negotiate");
        assertEquals(3, all.size());
        assertEquals(new AuthChallenge("basic", Map.of("realm", "a \"quoted\" realm")), all.get(0));
        assertEquals(new AuthChallenge("bearer", Map.of("realm", "https://h/token", "error", "insufficient_scope")), all.get(1));
        assertEquals(new AuthChallenge("negotiate", Map.of()), all.get(2));
    }

    @Test
    void emptyHeaderHasNoChallengeAndAnOpenQuoteIsMalformed() {
        assertEquals(List.of(), AuthChallenge.parse(""));
        var e = assertThrows(IllegalArgumentException.class, () -> AuthChallenge.parse("Bearer realm=\"https://h/token"));
        assertTrue(e.getMessage().contains("unterminated quoted string"), e.getMessage());
    }
}
