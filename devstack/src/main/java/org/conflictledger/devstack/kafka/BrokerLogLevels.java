package org.conflictledger.devstack.kafka;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Kafka's own logging at WARN unless the system property {@value #LEVEL_PROPERTY} says otherwise.
 *
 * <p>Kafka logs through SLF4J; on this classpath SLF4J is bound to JBoss LogManager (brought by Quarkus), which is also
 * the {@code java.util.logging} manager in Quarkus tests and in the launcher. So the levels are set through the JUL API.
 */
final class BrokerLogLevels {

    static final String LEVEL_PROPERTY = "devstack.kafka.log-level";

    // "kafka" is the Scala broker, "org.apache.kafka" the Java broker parts and the clients (including the broker's own).
    private static final List<String> CATEGORIES = List.of("kafka", "org.apache.kafka", "state.change.logger");

    // JUL keeps loggers weakly: hold them, or a collected logger forgets its level.
    private static volatile List<Logger> configured = List.of();

    private BrokerLogLevels() {
    }

    static synchronized void applyDefaults() {
        if (!configured.isEmpty()) {
            return;
        }
        Level level = parse(System.getProperty(LEVEL_PROPERTY, "WARN"));
        List<Logger> loggers = CATEGORIES.stream().map(Logger::getLogger).toList();
        loggers.forEach(logger -> logger.setLevel(level));
        configured = loggers;
    }

    static Level parse(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "ERROR" -> Level.SEVERE;
            case "WARN" -> Level.WARNING;
            case "DEBUG" -> Level.FINE;
            case "TRACE" -> Level.FINEST;
            case "OFF" -> Level.OFF;
            default -> Level.parse(name.trim().toUpperCase(Locale.ROOT));
        };
    }
}
