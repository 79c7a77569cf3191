package org.conflictledger.events.domain;

import java.time.LocalDate;

/**
 * A source a conflict event is reported from: a title (required), and where known the publisher,
 * the URL and the date of publication.
 */
public record Citation(
        String title,
        String publisher,
        String url,
        LocalDate date) {
}
