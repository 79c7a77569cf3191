package org.conflictledger.platform.audit;

import org.axonframework.serialization.Revision;
import org.conflictledger.platform.axon.RecordType;

/**
 * Names events the way they are published: {@code ledger.<record>.<event>.v<revision>}. The
 * event is the class name in kebab case, less a leading record name ({@code ActorRenamed} of
 * record {@code actor} is {@code ledger.actor.renamed.v1}; {@code RelationshipDeclared} is
 * {@code ledger.actor.relationship-declared.v1}).
 */
public final class EventTypeNames {

    private EventTypeNames() {
    }

    public static String of(RecordType record, Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        return of(record, eventClass.getSimpleName(), revision == null ? null : revision.value());
    }

    public static String of(RecordType record, String simpleClassName, String revision) {
        String recordName = record.name();
        String prefix = record.eventPrefix();
        String event = simpleClassName.startsWith(prefix) && simpleClassName.length() > prefix.length()
                ? simpleClassName.substring(prefix.length())
                : simpleClassName;
        return "ledger." + recordName + "." + kebab(event) + ".v" + (revision == null ? "1" : revision);
    }

    private static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
