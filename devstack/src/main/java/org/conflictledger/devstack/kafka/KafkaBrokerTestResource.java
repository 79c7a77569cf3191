package org.conflictledger.devstack.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Quarkus test resource that points {@code kafka.bootstrap.servers} at an in-process Kafka broker.
 *
 * <p>One broker serves the whole test JVM: it starts with the first test class that asks for it, in a fresh temporary
 * folder, and a JVM shutdown hook stops it and deletes the folder. {@link #stop()} leaves it running for the test
 * classes that come later.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_SERVERS_KEY = "kafka.bootstrap.servers";

    @Override
    public Map<String, String> start() {
        return Map.of(BOOTSTRAP_SERVERS_KEY, bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives each test class; the JVM shutdown hook stops it.
    }

    /** {@code localhost:PORT} of the shared broker, started if it is not running yet. */
    public static String bootstrapServers() {
        return (String) callSharedBroker("bootstrapServers", new Class<?>[0]);
    }

    /** Creates a topic on the shared broker; a topic that already exists is left as it is. */
    public static void createTopic(String name, int partitions) {
        callSharedBroker("createTopic", new Class<?>[] {String.class, int.class}, name, partitions);
    }

    /*
     * Quarkus loads test resources in a class loader per application (per test profile) and closes it when that
     * application stops. A broker held there would be started once per profile and would run on with a closed class
     * loader, so the broker lives in the system class loader's copy of these classes, whatever loaded this one.
     */
    private static Object callSharedBroker(String methodName, Class<?>[] types, Object... args) {
        try {
            Method method = sharedBrokerClass().getDeclaredMethod(methodName, types);
            method.setAccessible(true);
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the shared Kafka broker", e);
        }
    }

    private static Class<?> sharedBrokerClass() {
        try {
            return Class.forName(SharedBroker.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            // devstack is not on the system class path (some IDE launchers): share within this class loader only.
            return SharedBroker.class;
        }
    }
}
