package org.conflictledger.devstack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void defaults() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of());
        assertEquals(9092, options.port());
        assertEquals(Path.of("./data/kafka"), options.dataDir());
        assertFalse(options.fresh());
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
        Map<String, String> env = Map.of("LEDGER_KAFKA_PORT", "29092", "LEDGER_KAFKA_DATA", "/srv/kafka");
        LauncherOptions fromEnv = LauncherOptions.parse(new String[0], env);
        assertEquals(29092, fromEnv.port());
        assertEquals(Path.of("/srv/kafka"), fromEnv.dataDir());

        LauncherOptions fromFlags = LauncherOptions.parse(new String[] {"--port", "19092", "--data", "here", "--fresh"}, env);
        assertEquals(19092, fromFlags.port());
        assertEquals(Path.of("here"), fromFlags.dataDir());
        assertTrue(fromFlags.fresh());
    }

    @Test
    void rejectsWhatIsNotAPortOrNotAnOption() {
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"--port", "nine"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"--port", "70000"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"--port"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"--verbose"}, Map.of()));
    }
}
