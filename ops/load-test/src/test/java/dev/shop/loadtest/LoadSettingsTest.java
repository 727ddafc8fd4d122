package dev.shop.loadtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadSettingsTest {

    @Test
    void defaultsAreAShortGentleRunAgainstTheLocalShop() {
        LoadSettings settings = LoadSettings.from(new Properties());

        assertEquals("http://localhost:8080", settings.baseUrlText());
        assertEquals(10, settings.users());
        assertEquals(Duration.ofSeconds(60), settings.duration());
        assertEquals(Duration.ofSeconds(10), settings.rampUp());
        assertEquals(Duration.ofSeconds(190), settings.maxDuration());
    }

    @Test
    void readsUsersDurationAndBaseUrl() {
        LoadSettings settings = LoadSettings.from(properties(
                "baseUrl", "http://127.0.0.1:18080/", "users", "40", "duration", "5m", "rampUp", "500ms"));

        assertEquals("http://127.0.0.1:18080", settings.baseUrlText());
        assertEquals(40, settings.users());
        assertEquals(Duration.ofMinutes(5), settings.duration());
        assertEquals(Duration.ofMillis(500), settings.rampUp());
    }

    @Test
    void refusesAnotherHostUnlessAskedOnPurpose() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LoadSettings.from(properties("baseUrl", "https://staging.shop.example.com")));
        assertTrue(refused.getMessage().contains("-DallowRemoteTarget=true"), refused.getMessage());

        LoadSettings allowed = LoadSettings.from(properties(
                "baseUrl", "https://staging.shop.example.com", "allowRemoteTarget", "true"));
        assertEquals("https://staging.shop.example.com", allowed.baseUrlText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "shop.localhost", "127.0.0.1", "127.0.0.2", "[::1]", "::1"})
    void loopbackNames(String host) {
        assertTrue(LoadSettings.isLoopback(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost.example.com", "10.0.0.1", "0.0.0.0", "staging.shop.example.com", "[::2]"})
    void otherHosts(String host) {
        assertFalse(LoadSettings.isLoopback(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-3", "ten"})
    void usersAreBounded(String users) {
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(properties("users", users)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "31m", "2h", "forever", "-5s"})
    void durationIsBounded(String duration) {
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(properties("duration", duration)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://localhost", "localhost:8080", "http://localhost:8080/shop", "http://"})
    void baseUrlMustBeAnHttpRoot(String baseUrl) {
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(properties("baseUrl", baseUrl)));
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
