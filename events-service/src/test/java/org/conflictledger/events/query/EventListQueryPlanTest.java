package org.conflictledger.events.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.platform.api.Cursors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The list of conflict events is read from an index in the list's order, so that the database stops after one page
 * instead of reading and sorting every matching event (which took seconds, and ran into the transaction timeout, on
 * a store of 100,000 events: docs/performance.md). Asked of H2 with EXPLAIN, on the SQL Hibernate sent.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class EventListQueryPlanTest {
    private static final String CURSOR = Cursors.encode("2020-03-01|00000000-0000-0000-0000-000000000001");

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "theater=SYRIA, IX_CONFLICT_EVENT_VIEW_THEATER_DATE",
            "theater=SYRIA&sort=-date, IX_CONFLICT_EVENT_VIEW_THEATER_DATE",
            "theater=SYRIA&type=BATTLE, IX_CONFLICT_EVENT_VIEW_THEATER_DATE",
            "type=BATTLE, IX_CONFLICT_EVENT_VIEW_TYPE_DATE",
            "status=DISPUTED&sort=-date, IX_CONFLICT_EVENT_VIEW_STATUS_DATE",
            "sort=date, IX_CONFLICT_EVENT_VIEW_DATE",
            "sort=-date, IX_CONFLICT_EVENT_VIEW_DATE",
    })
    void aListIsReadFromAnIndexInItsOrder(String query, String index) throws Exception {
        // PostgreSQL plans by statistics (a table this small is scanned and sorted), and walks indexes either way
        assumeTrue(isH2(), "the plan is asked of H2 only");
        assertReadInOrderFrom(query, index);
        // the next page starts at the cursor's place in the same index: the date bounds the index read
        String plan = assertReadInOrderFrom(query + "&cursor=" + CURSOR, index);
        assertThat(plan).as(plan).containsPattern("PUBLIC." + index + ":[^*]*EVENT_DATE [<>]= \\?\\d");
    }

    private String assertReadInOrderFrom(String query, String index) throws Exception {
        statements.clear();
        given().get("/api/v1/events?" + query + "&limit=5").then().statusCode(200);
        String plan = explain(listStatement());
        assertThat(plan).as(plan).contains("PUBLIC." + index).contains("/* index sorted */");
        return plan;
    }

    private String listStatement() {
        List<String> lists = statements.all().stream()
                .filter(sql -> sql.contains("conflict_event_view") && sql.contains(" order by "))
                .toList();
        assertThat(lists).as("the list query").hasSize(1);
        return lists.get(0);
    }

    private boolean isH2() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        }
    }

    private String explain(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet plan = connection.prepareStatement("EXPLAIN " + sql).executeQuery()) {
            plan.next();
            return plan.getString(1);
        }
    }
}
