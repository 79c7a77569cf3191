package org.conflictledger.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredRoleTest {

    @ParameterizedTest(name = "{0} {1} needs {2} (open reads: {3})")
    @CsvSource({
            "GET,    /api/v1/actors,                                 READER, false",
            "HEAD,   /api/v1/events/42,                              READER, false",
            "GET,    /api/v1/stream,                                 READER, false",
            "GET,    /api/v1/actors,                                 NONE,   true",
            "POST,   /api/v1/actors,                                 EDITOR, false",
            "POST,   /api/v1/actors,                                 EDITOR, true",
            "PUT,    /api/v1/events/42,                              EDITOR, false",
            "PATCH,  /api/v1/agreements/7/terms/3,                   EDITOR, false",
            "DELETE, /api/v1/actors/TUR/relationships/9,             EDITOR, false",
            "POST,   /api/v1/actors/admin/read-model/rebuild,        ADMIN,  false",
            "GET,    /api/v1/events/admin/read-model,                ADMIN,  true",
            "OPTIONS,/api/v1/actors,                                 NONE,   false",
            "GET,    /q/health/ready,                                NONE,   false",
            "GET,    /openapi,                                       NONE,   false",
            "POST,   /q/swagger-ui,                                  NONE,   false",
            "POST,   /api/v1/actors/admin;x=1/read-model/rebuild,    ADMIN,  false",
            "GET,    /api/v1/events/log/verify,                      ADMIN,  true",
            "GET,    /api/v1/events/log/verify/,                     ADMIN,  false",
            "GET,    /api/v1/events/log//verify,                     ADMIN,  false",
            "GET,    /api/v1/events/log/verify;x=1,                  ADMIN,  false",
            "GET,    /api/v1/events/log/entries,                     READER, false",
            "GET,    /api;v=1/v1/actors,                             READER, false",
            "POST,   /api/v1/releases,                               ADMIN,  true",
            "PUT,    /api/v1/events/releases/2020-12,                ADMIN,  false",
            "PUT,    /api/v1/events/releases;x=1/2020-12,            ADMIN,  false",
            "GET,    /api/v1/releases,                               READER, false",
            "GET,    /api/v1/actors/releases/2020-12,                NONE,   true",
    })
    void theRoleARequestNeeds(String method, String path, String role, boolean openReads) {
        assertThat(RequiredRole.of(method, path, openReads).map(Role::name).orElse("NONE")).isEqualTo(role);
    }
}
