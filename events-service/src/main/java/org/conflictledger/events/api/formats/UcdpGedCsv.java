package org.conflictledger.events.api.formats;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.api.ConflictEventRepresentation;
import org.conflictledger.events.domain.AcledEventType;
import org.conflictledger.events.domain.AcledMapping;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.Location;
import org.conflictledger.platform.export.CsvRows;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Conflict events in the column layout of UCDP's Georeferenced Event Dataset (GED, codebook 23.1), followed by
 * {@code ledger_} columns that tie each row to the record. Columns the ledger holds no value for (UCDP's own conflict,
 * dyad and actor ids, deaths by side, Gleditsch–Ward numbers, …) are present and empty, so tools that read GED read
 * this file; {@code docs/exports.md} says column by column where each value comes from.
 */
public final class UcdpGedCsv {
    public static final String MEDIA_TYPE = "text/csv";
    public static final String MEDIA_TYPE_UTF8 = "text/csv; charset=UTF-8";

    public static final List<String> GED_COLUMNS = List.of("id", "relid", "year", "active_year", "code_status",
            "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
            "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
            "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
            "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude",
            "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
            "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high",
            "low", "gwnoa", "gwnob");
    public static final List<String> LEDGER_COLUMNS = List.of("ledger_event_id", "ledger_version", "ledger_status",
            "ledger_type", "ledger_acled_event_id");
    public static final List<String> COLUMNS = Stream.concat(GED_COLUMNS.stream(), LEDGER_COLUMNS.stream()).toList();

    /** Joins several actors or sources in one cell (GED has one per side); names may hold commas. */
    static final String LIST_SEPARATOR = "; ";
    /** UCDP's type_of_violence 3: one-sided violence, an organised actor against civilians. */
    static final int ONE_SIDED = 3;
    /** PRIO-GRID cells are half a degree. */
    private static final double PRIO_GRID_CELL = 0.5;
    private static final int PRIO_GRID_COLUMNS = 720;

    private UcdpGedCsv() {
    }

    /** The cells of an event's row, in {@link #COLUMNS} order ({@code null} for empty). */
    public static List<Object> row(ConflictEventRepresentation event) {
        Objects.requireNonNull(event, "event");
        Location location = event.location();
        Fatalities fatalities = event.fatalities() == null ? new Fatalities(null, null, null) : event.fatalities();
        List<Citation> sources = event.sources() == null ? List.of() : event.sources();
        String sideA = side(event, ActorRole.PERPETRATOR);
        String sideB = side(event, ActorRole.TARGET);
        Double latitude = location == null ? null : location.latitude();
        Double longitude = location == null ? null : location.longitude();
        boolean located = latitude != null && longitude != null;
        LocalDate end = event.endDate() != null ? event.endDate() : event.date();

        List<Object> row = new ArrayList<>(COLUMNS.size());
        row.addAll(Arrays.asList(
                event.ucdpGedId(), null, event.date() == null ? null : event.date().getYear(), null, null,
                typeOfViolence(event), null, null, conflictName(event.theater()), null, null,
                sideA != null && sideB != null ? sideA + " - " + sideB : null, null, null, sideA, null, null, sideB,
                sources.size(), aligned(sources, Citation::url), aligned(sources, Citation::publisher),
                aligned(sources, c -> c.date() == null ? null : c.date().toString()), aligned(sources, Citation::title),
                null,
                location == null ? null : wherePrecision(location.geoPrecision()),
                location == null ? null : location.place(), null,
                location == null ? null : location.admin1(), location == null ? null : location.admin2(),
                latitude, longitude,
                located ? "POINT (" + CsvRows.plain(longitude) + " " + CsvRows.plain(latitude) + ")" : null,
                located ? prioGridCell(latitude, longitude) : null,
                location == null ? null : location.country(), null, null, null,
                datePrecision(event.datePrecision(), event.date(), end),
                event.date(), end, null, null, null, null,
                fatalities.best(), fatalities.high(), fatalities.low(), null, null));
        row.addAll(Arrays.asList(event.id(), event.version(), event.status(), event.type(), event.acledEventId()));
        return row;
    }

    /** UCDP's where_prec (1 exact place … 7 international waters or airspace) for the ledger's geo precision. */
    static Integer wherePrecision(GeoPrecision precision) {
        if (precision == null) {
            return null;
        }
        return switch (precision) {
            case EXACT -> 1;
            case NEAR -> 2;
            case ADMIN2 -> 3;
            case ADMIN1 -> 4;
            case COUNTRY -> 6;
            case WATERS -> 7;
        };
    }

    /**
     * UCDP's date_prec: 1 the exact day, 2 a range of 2–6 days, 3 a week, 4 8–30 days or a month, 5 longer or a
     * year; the coarser of what the precision says and what the date range spans.
     */
    static Integer datePrecision(DatePrecision precision, LocalDate start, LocalDate end) {
        if (start == null) {
            return null;
        }
        int byPrecision = precision == null ? 1 : switch (precision) {
            case DAY -> 1;
            case WEEK -> 3;
            case MONTH -> 4;
            case YEAR -> 5;
        };
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        int byRange = days <= 1 ? 1 : days <= 6 ? 2 : days == 7 ? 3 : days <= 30 ? 4 : 5;
        return Math.max(byPrecision, byRange);
    }

    /** The PRIO-GRID cell (half a degree, numbered from 1 at 180°W 90°S, row by row) holding a point. */
    static int prioGridCell(double latitude, double longitude) {
        int row = (int) Math.min(Math.floor((latitude + 90) / PRIO_GRID_CELL), 359);
        int column = (int) Math.min(Math.floor((longitude + 180) / PRIO_GRID_CELL), PRIO_GRID_COLUMNS - 1);
        return row * PRIO_GRID_COLUMNS + column + 1;
    }

    /** 3 (one-sided) for violence against civilians; the ledger does not tell state-based from non-state conflict. */
    private static Integer typeOfViolence(ConflictEventRepresentation event) {
        AcledSubType subType = event.subType() != null ? event.subType()
                : event.type() != null ? AcledMapping.defaultSubType(event.type()) : null;
        return subType != null && subType.acledEventType() == AcledEventType.VIOLENCE_AGAINST_CIVILIANS
                ? ONE_SIDED : null;
    }

    /** The theater, as the conflict the event belongs to in the ledger (not UCDP's conflict ids). */
    static String conflictName(Theater theater) {
        if (theater == null) {
            return null;
        }
        return switch (theater) {
            case SYRIA -> "Syria";
            case LIBYA -> "Libya";
            case NAGORNO_KARABAKH -> "Nagorno-Karabakh";
            case EASTERN_MEDITERRANEAN -> "Eastern Mediterranean";
            case SOUTH_CAUCASUS -> "South Caucasus";
        };
    }

    /** The names of the event's actors in a role, in the event's order; null when none. */
    private static String side(ConflictEventRepresentation event, ActorRole role) {
        if (event.actors() == null) {
            return null;
        }
        String names = event.actors().stream().filter(p -> p.role() == role)
                .map(p -> p.name() != null ? p.name() : p.key() != null ? p.key() : String.valueOf(p.actor()))
                .collect(Collectors.joining(LIST_SEPARATOR));
        return names.isEmpty() ? null : names;
    }

    /**
     * One attribute of every source, joined in the sources' order, an unknown one as an empty slot, so that the n-th
     * date belongs to the n-th headline; null when no source has the attribute.
     */
    private static String aligned(List<Citation> sources, Function<Citation, String> value) {
        List<String> values = sources.stream().map(value).toList();
        return values.stream().allMatch(Objects::isNull) ? null
                : values.stream().map(v -> v == null ? "" : v).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
