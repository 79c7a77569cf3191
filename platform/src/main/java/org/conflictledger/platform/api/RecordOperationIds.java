package org.conflictledger.platform.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names the operations that platform serves for every record type. Their resources are written once, so their
 * {@code operationId}s say {@value #RECORD}, as in {@code list{Record}Changes}; this filter puts in the record type
 * of the collection the operation lives under ({@code /api/v1/actors/changes} is {@code listActorChanges}), so that
 * the names stay unique when the gateway merges the three services' documents into one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RecordOperationIds implements OASFilter {
    public static final String RECORD = "{Record}";
    private static final String PREFIX = "/api/v1/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> name(path, operation)));
    }

    private static void name(String path, Operation operation) {
        String id = operation.getOperationId();
        if (id != null && id.contains(RECORD)) {
            operation.setOperationId(id.replace(RECORD, recordType(path)));
        }
    }

    /** {@code /api/v1/agreements/admin/parked} → {@code Agreement}. */
    static String recordType(String path) {
        if (!path.startsWith(PREFIX)) {
            throw new IllegalStateException(path + " is not under " + PREFIX + ": its record type is unknown");
        }
        String collection = path.substring(PREFIX.length()).split("/", 2)[0];
        String singular = collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
        return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    }
}
