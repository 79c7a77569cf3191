package org.conflictledger.devstack.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The users of a broker that requires SASL/SCRAM-SHA-512 on its client listener, as Strimzi's {@code scram-sha-512}
 * listeners do, and authorizes every request by ACL. The administrator is a super user; everyone else may do only
 * what an ACL allows.
 *
 * @param admin     the super user's name
 * @param passwords every user's password by name, the administrator's included
 */
public record BrokerUsers(String admin, Map<String, String> passwords) {
    public static final String MECHANISM = "SCRAM-SHA-512";

    public BrokerUsers {
        passwords = Map.copyOf(passwords);
        if (!passwords.containsKey(admin)) {
            throw new IllegalArgumentException("the administrator " + admin + " has no password");
        }
    }

    /** A broker whose only user is its administrator. */
    public static BrokerUsers admin(String name, String password) {
        return new BrokerUsers(name, Map.of(name, password));
    }

    /** These users and one more. */
    public BrokerUsers with(String name, String password) {
        Map<String, String> more = new LinkedHashMap<>(passwords);
        more.put(name, password);
        return new BrokerUsers(admin, more);
    }

    /** What a client of {@code user} sets beside {@code bootstrap.servers}, by Kafka's client setting names. */
    public Map<String, String> clientSettings(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no user " + user);
        }
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig(user, password));
    }

    static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The credentials as {@code kafka-storage format --add-scram} takes them. */
    java.util.List<String> scramArguments() {
        return passwords.entrySet().stream()
                .map(user -> MECHANISM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]").toList();
    }
}
