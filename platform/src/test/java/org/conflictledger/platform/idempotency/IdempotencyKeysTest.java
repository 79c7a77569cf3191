package org.conflictledger.platform.idempotency;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key is its caller's own and is remembered for a while, on a real database (H2). */
class IdempotencyKeysTest {
    private static final Duration TTL = Duration.ofHours(24);

    private JdbcDataSource dataSource;
    private String principal = "alice@example.org";
    private Instant now = Instant.parse("2026-12-07T06:00:00Z");
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void emptyDatabase() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:idempotency-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (InputStream in = getClass().getResourceAsStream("/db/platform/V2__idempotency_keys.sql");
             Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", ""));
        }
    }

    private String create(String key, String newId) {
        IdempotencyKeys keys = new IdempotencyKeys(dataSource, () -> principal, TTL,
                Clock.fixed(now, ZoneOffset.UTC));
        return keys.createOnce("event", key, Map.of("notes", "the same body"), newId, metaData -> {
            IdempotentRequest request = IdempotentRequest.fromMetaData(metaData);
            if (request != null) {
                keys.claim(request);
            }
            created.add(newId);
        });
    }

    @Test
    void aRetryBySameCallerAnswersTheFirstResultAndCreatesNothing() {
        assertThat(create("key-1", "first")).isEqualTo("first");
        assertThat(create("key-1", "second")).isEqualTo("first");
        assertThat(created).containsExactly("first");
    }

    @Test
    void anotherCallersSameKeyIsItsOwnRequestNeverTheFirstCallersResult() {
        assertThat(create("key-1", "alices")).isEqualTo("alices");
        principal = "bob@example.org";
        assertThat(create("key-1", "bobs")).isEqualTo("bobs");
        assertThat(create("key-1", "bobs-retry")).isEqualTo("bobs");
        assertThat(created).containsExactly("alices", "bobs");
    }

    @Test
    void aKeyOlderThanItsTimeToLiveIsANewRequest() {
        assertThat(create("key-1", "first")).isEqualTo("first");
        now = now.plus(TTL).minusSeconds(1);
        assertThat(create("key-1", "within")).isEqualTo("first");
        now = now.plusSeconds(2);
        assertThat(create("key-1", "after")).isEqualTo("after");
        assertThat(created).containsExactly("first", "after");
    }
}
