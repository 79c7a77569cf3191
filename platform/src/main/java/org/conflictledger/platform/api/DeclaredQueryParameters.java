package org.conflictledger.platform.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The query parameters a resource method declares: on its parameters and in the fields of its {@code @BeanParam}s. */
final class DeclaredQueryParameters {

    private DeclaredQueryParameters() {
    }

    static SortedSet<String> of(Method method) {
        SortedSet<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            add(names, parameter, parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        add(names, field, field.getName());
                    }
                }
            }
        }
        return Collections.unmodifiableSortedSet(names);
    }

    private static void add(Set<String> names, AnnotatedElement element, String implicitName) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        RestQuery rest = element.getAnnotation(RestQuery.class);
        if (rest != null) {
            names.add(rest.value().isEmpty() ? implicitName : rest.value());
        }
    }
}
