package dev.herald.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an encryption key is written (docs/API.md §8.7), and that no complaint about one ever repeats it. */
class SecretKeysTest {
    @Test
    void aKeyIsTheBase64Of32BytesWithAnOptionalId() {
        String key = SecretKeys.generate();
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals(SecretKeys.DEFAULT_ID, SecretKeys.Key.parse(key).id());
        assertEquals("k2", SecretKeys.Key.parse("k2:" + key).id());
        assertEquals(List.of("k1", "k0"), SecretKeys.parseList("k1:" + key + ", k0:" + SecretKeys.generate())
                .stream().map(SecretKeys.Key::id).toList());
    }

    @Test
    void aMalformedKeyIsRefusedWithoutBeingShown() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        String notBase64 = "this-is-not-base64-%%%";
        String badId = "no spaces allowed:" + SecretKeys.generate();
        for (String key : List.of(short16, "k1:" + short16, notBase64, badId, "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SecretKeys.Key.parse(key));
            assertFalse(!key.isEmpty() && refused.getMessage().contains(key), refused.getMessage());
            assertFalse(refused.getMessage().contains(short16), refused.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretKeys.Key.parse(short16)).getMessage()
                .contains("decodes to 16"));
    }

    @Test
    void twoKeysWithOneIdAreRefused() {
        SecretKeys.Key current = SecretKeys.Key.parse(SecretKeys.generate());
        SecretKeys.Key retired = SecretKeys.Key.parse(SecretKeys.generate());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SecretKeys.of(current, List.of(retired)));
        assertTrue(refused.getMessage().contains("'default'"), refused.getMessage());
    }

    @Test
    void printingTheKeysShowsTheirIdsOnly() {
        String key = SecretKeys.generate();
        assertEquals("SecretKeys[current=k1, all=[k1]]", SecretKeys.of("k1:" + key).toString());
        assertFalse(SecretKeys.Key.parse(key).toString().contains(key));
    }
}
