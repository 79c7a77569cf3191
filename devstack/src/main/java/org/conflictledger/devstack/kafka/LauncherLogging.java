package org.conflictledger.devstack.kafka;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging for the standalone launcher: one line per record, on stderr (stdout carries only the launcher's own lines).
 *
 * <p>SLF4J is bound to JBoss LogManager on this classpath; it must also be the JUL manager so that the JUL API below
 * reaches it, and that can only be chosen before anything touches JUL.
 */
final class LauncherLogging {

    private static final String JBOSS_LOG_MANAGER = "org.jboss.logmanager.LogManager";

    private LauncherLogging() {
    }

    static void install() {
        if (System.getProperty("java.util.logging.manager") == null && isPresent(JBOSS_LOG_MANAGER)) {
            System.setProperty("java.util.logging.manager", JBOSS_LOG_MANAGER);
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler stderr = new ConsoleHandler();
        stderr.setFormatter(new SimpleFormatter());
        stderr.setLevel(Level.ALL);
        root.addHandler(stderr);
        root.setLevel(Level.INFO);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, LauncherLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
