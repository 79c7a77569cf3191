package org.conflictledger.platform.api;

import org.conflictledger.platform.audit.AuditMetadata;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who is writing, why and on which sources: becomes the metadata of the events a write causes. */
public record AuditContext(String principal, String correlationId, String reason, List<SourceCitation> sources) {

    public Map<String, Object> toMetaData() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditMetadata.PRINCIPAL, principal);
        metaData.put(AuditMetadata.CORRELATION_ID, correlationId);
        if (reason != null && !reason.isBlank()) {
            metaData.put(AuditMetadata.REASON, reason);
        }
        if (sources != null && !sources.isEmpty()) {
            metaData.put(AuditMetadata.SOURCES, sources.stream().map(AuditContext::asMap).toList());
        }
        return metaData;
    }

    private static Map<String, Object> asMap(SourceCitation source) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", source.title());
        putIfPresent(map, "publisher", source.publisher());
        putIfPresent(map, "url", source.url());
        LocalDate date = source.date();
        putIfPresent(map, "date", date == null ? null : date.toString());
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
