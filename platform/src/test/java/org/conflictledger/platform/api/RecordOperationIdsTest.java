package org.conflictledger.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordOperationIdsTest {

    @Test
    void theRecordTypeOfAPathIsItsCollectionInTheSingular() {
        assertThat(RecordOperationIds.recordType("/api/v1/actors/changes")).isEqualTo("Actor");
        assertThat(RecordOperationIds.recordType("/api/v1/events/admin/parked/{id}/replay")).isEqualTo("Event");
        assertThat(RecordOperationIds.recordType("/api/v1/agreements")).isEqualTo("Agreement");
        assertThatThrownBy(() -> RecordOperationIds.recordType("/q/health")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/q/health");
    }

    @Test
    void onlyTheOperationIdsThatSayRecordAreRenamed() {
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/agreements/changes", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().operationId("list{Record}Changes")))
                .addPathItem("/api/v1/agreements", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().operationId("listAgreements"))
                        .POST(OASFactory.createOperation())));

        new RecordOperationIds().filterOpenAPI(document);

        PathItem changes = document.getPaths().getPathItem("/api/v1/agreements/changes");
        PathItem agreements = document.getPaths().getPathItem("/api/v1/agreements");
        assertThat(changes.getGET().getOperationId()).isEqualTo("listAgreementChanges");
        assertThat(agreements.getGET().getOperationId()).isEqualTo("listAgreements");
        assertThat(agreements.getPOST().getOperationId()).isNull();
    }
}
