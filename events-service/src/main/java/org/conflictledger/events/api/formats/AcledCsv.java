package org.conflictledger.events.api.formats;

import org.conflictledger.platform.export.SpreadsheetText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;

/**
 * The ACLED-compatible CSV layout of conflict events: ACLED's export columns in ACLED's order,
 * followed by the record's own {@code ledger_} columns, which carry what ACLED's columns cannot
 * (ids, directional roles, fatality ranges, full citations …) so that an export read back gives
 * exactly the details it was written from.
 *
 * <h2>ACLED columns</h2>
 * <ul>
 * <li>{@code event_id_cnty}: the event's {@code acledEventId}.</li>
 * <li>{@code event_date}: ISO {@code yyyy-MM-dd}; {@code year}: its year. On import ACLED's older
 * {@code 27 September 2020} form is read as well.</li>
 * <li>{@code time_precision}: {@code DAY} 1, {@code WEEK} 2, {@code MONTH}/{@code YEAR} 3 (read back
 * as {@code MONTH} when {@code ledger_date_precision} is absent).</li>
 * <li>{@code disorder_type}: {@link #disorderType}.</li>
 * <li>{@code event_type}: the ACLED event type of the sub-type (so the pair is always one ACLED
 * knows, also for a ceasefire violation by shelling); {@code sub_event_type}: the sub-type's label.</li>
 * <li>Actors, see {@link #side}: {@code actor1} is the first {@code PERPETRATOR}, else the first
 * {@code SIGNATORY}, else the first actor; {@code actor2} the first {@code TARGET}, or when there is none and
 * {@code actor1} is a {@code SIGNATORY}, the next {@code SIGNATORY} (ACLED codes the parties of an
 * agreement as actor1 and actor2). Every other actor goes to {@code assoc_actor_1} (the acting side:
 * perpetrators, supporters, signatories, mediators) or {@code assoc_actor_2} (the receiving side:
 * targets and the affected), in the event's order, joined by {@code "; "}. Actors are written by
 * name (key, then id, when the name is unknown).</li>
 * <li>{@code inter1}, {@code inter2}, {@code interaction}: left blank (the record's actor kinds do
 * not map one to one onto ACLED's actor types); {@code civilian_targeting}: {@code Civilian targeting}
 * for Violence against civilians, else blank.</li>
 * <li>{@code iso} (ISO 3166-1 numeric) and {@code region} (ACLED's region): from the country name for
 * the countries of the record's theaters and their neighbours, blank when unknown.</li>
 * <li>{@code country}, {@code admin1}–{@code admin3}, {@code location} (the place), {@code latitude},
 * {@code longitude}: from the location; {@code geo_precision}: {@code EXACT} 1, {@code NEAR} 2,
 * {@code ADMIN2}/{@code ADMIN1}/{@code COUNTRY}/{@code WATERS} 3 (read back as {@code ADMIN1}, ACLED's
 * "provincial capital", when {@code ledger_geo_precision} is absent).</li>
 * <li>{@code source}: the citations' titles joined by {@code "; "}; {@code source_scale} and
 * {@code tags}: blank.</li>
 * <li>{@code notes}; {@code fatalities}: the best estimate; {@code timestamp}: when the event last
 * changed, in epoch seconds.</li>
 * </ul>
 *
 * <h2>Ledger columns</h2>
 * {@code ledger_id}, {@code ledger_theater}, {@code ledger_type} (enum names),
 * {@code ledger_date_precision}, {@code ledger_end_date} (ISO date), {@code ledger_actors} ({@code
 * KEY:ROLE;KEY:ROLE} in the event's order, the actor id in place of a key that is unknown),
 * {@code ledger_fatalities_low}, {@code ledger_fatalities_high}, {@code ledger_confidence},
 * {@code ledger_agreement} (id), {@code ledger_term}, {@code ledger_responds_to} (id),
 * {@code ledger_sources} (a JSON array of {@code {title, publisher, url, date}}),
 * {@code ledger_geo_precision}, {@code ledger_ucdp_ged_id}, {@code ledger_status} and
 * {@code ledger_version}. On import a ledger column, when present and not blank, wins over the ACLED
 * column it refines; {@code ledger_id}, {@code ledger_status} and {@code ledger_version} are
 * informational.
 *
 * <h2>Formulas</h2>
 * A text cell that a spreadsheet would read as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a CR) is exported with a leading {@code '}, and read back without it
 * ({@link SpreadsheetText}); the columns of {@link #NUMBER_COLUMNS} are written as they are.
 */
public final class AcledCsv {

    /** The media type of the export (always UTF-8). */
    public static final String MEDIA_TYPE = "text/csv";
    public static final String MEDIA_TYPE_UTF8 = "text/csv; charset=UTF-8";

    public static final String EVENT_ID_CNTY = "event_id_cnty";
    public static final String EVENT_DATE = "event_date";
    public static final String YEAR = "year";
    public static final String TIME_PRECISION = "time_precision";
    public static final String DISORDER_TYPE = "disorder_type";
    public static final String EVENT_TYPE = "event_type";
    public static final String SUB_EVENT_TYPE = "sub_event_type";
    public static final String ACTOR1 = "actor1";
    public static final String ASSOC_ACTOR_1 = "assoc_actor_1";
    public static final String INTER1 = "inter1";
    public static final String ACTOR2 = "actor2";
    public static final String ASSOC_ACTOR_2 = "assoc_actor_2";
    public static final String INTER2 = "inter2";
    public static final String INTERACTION = "interaction";
    public static final String CIVILIAN_TARGETING = "civilian_targeting";
    public static final String ISO = "iso";
    public static final String REGION = "region";
    public static final String COUNTRY = "country";
    public static final String ADMIN1 = "admin1";
    public static final String ADMIN2 = "admin2";
    public static final String ADMIN3 = "admin3";
    public static final String LOCATION = "location";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String GEO_PRECISION = "geo_precision";
    public static final String SOURCE = "source";
    public static final String SOURCE_SCALE = "source_scale";
    public static final String NOTES = "notes";
    public static final String FATALITIES = "fatalities";
    public static final String TAGS = "tags";
    public static final String TIMESTAMP = "timestamp";

    public static final String LEDGER_ID = "ledger_id";
    public static final String LEDGER_THEATER = "ledger_theater";
    public static final String LEDGER_TYPE = "ledger_type";
    public static final String LEDGER_DATE_PRECISION = "ledger_date_precision";
    public static final String LEDGER_END_DATE = "ledger_end_date";
    public static final String LEDGER_ACTORS = "ledger_actors";
    public static final String LEDGER_FATALITIES_LOW = "ledger_fatalities_low";
    public static final String LEDGER_FATALITIES_HIGH = "ledger_fatalities_high";
    public static final String LEDGER_CONFIDENCE = "ledger_confidence";
    public static final String LEDGER_AGREEMENT = "ledger_agreement";
    public static final String LEDGER_TERM = "ledger_term";
    public static final String LEDGER_RESPONDS_TO = "ledger_responds_to";
    public static final String LEDGER_SOURCES = "ledger_sources";
    public static final String LEDGER_GEO_PRECISION = "ledger_geo_precision";
    public static final String LEDGER_UCDP_GED_ID = "ledger_ucdp_ged_id";
    public static final String LEDGER_EXTERNAL_IDS = "ledger_external_ids";
    public static final String LEDGER_STATUS = "ledger_status";
    public static final String LEDGER_VERSION = "ledger_version";

    /** ACLED's export columns, in ACLED's order. */
    public static final List<String> ACLED_COLUMNS = List.of(
            EVENT_ID_CNTY, EVENT_DATE, YEAR, TIME_PRECISION, DISORDER_TYPE, EVENT_TYPE, SUB_EVENT_TYPE,
            ACTOR1, ASSOC_ACTOR_1, INTER1, ACTOR2, ASSOC_ACTOR_2, INTER2, INTERACTION, CIVILIAN_TARGETING,
            ISO, REGION, COUNTRY, ADMIN1, ADMIN2, ADMIN3, LOCATION, LATITUDE, LONGITUDE, GEO_PRECISION,
            SOURCE, SOURCE_SCALE, NOTES, FATALITIES, TAGS, TIMESTAMP);

    /** The record's own columns, written after ACLED's. */
    public static final List<String> LEDGER_COLUMNS = List.of(
            LEDGER_ID, LEDGER_THEATER, LEDGER_TYPE, LEDGER_DATE_PRECISION, LEDGER_END_DATE, LEDGER_ACTORS,
            LEDGER_FATALITIES_LOW, LEDGER_FATALITIES_HIGH, LEDGER_CONFIDENCE, LEDGER_AGREEMENT, LEDGER_TERM,
            LEDGER_RESPONDS_TO, LEDGER_SOURCES, LEDGER_GEO_PRECISION, LEDGER_UCDP_GED_ID, LEDGER_EXTERNAL_IDS,
            LEDGER_STATUS, LEDGER_VERSION);

    /** Every column of an export, in order. */
    public static final List<String> COLUMNS = concat(ACLED_COLUMNS, LEDGER_COLUMNS);

    /**
     * Columns that only ever hold numbers the export writes itself; every other column is text, which the export
     * writes so that a spreadsheet cannot read it as a formula ({@link SpreadsheetText}).
     */
    public static final Set<String> NUMBER_COLUMNS = Set.of(YEAR, TIME_PRECISION, ISO, LATITUDE,
            LONGITUDE, GEO_PRECISION, FATALITIES, TIMESTAMP, LEDGER_FATALITIES_LOW, LEDGER_FATALITIES_HIGH,
            LEDGER_CONFIDENCE, LEDGER_VERSION);

    /** Columns an import needs ({@code actor1} only when {@code ledger_actors} is absent). */
    public static final List<String> REQUIRED_COLUMNS = List.of(EVENT_DATE, EVENT_TYPE, SUB_EVENT_TYPE, ACTOR1);

    /** ACLED's separator of several actors or sources in one field. */
    public static final String LIST_SEPARATOR = "; ";

    public static final String POLITICAL_VIOLENCE = "Political violence";
    public static final String DEMONSTRATIONS = "Demonstrations";
    public static final String STRATEGIC_DEVELOPMENTS = "Strategic developments";
    public static final String CIVILIAN_TARGETING_VALUE = "Civilian targeting";

    private AcledCsv() {
    }

    /** Which side of an ACLED row an actor in a role stands on when it is not actor1 or actor2. */
    public enum Side {
        /** actor1's side: {@code assoc_actor_1}. */
        ACTING,
        /** actor2's side: {@code assoc_actor_2}. */
        RECEIVING
    }

    /**
     * The side of an actor in {@code role}: targets and the affected receive; perpetrators, supporters,
     * signatories and mediators act (a mediator or signatory is a party to what happens, not its object).
     */
    public static Side side(ActorRole role) {
        return role == ActorRole.TARGET || role == ActorRole.AFFECTED ? Side.RECEIVING : Side.ACTING;
    }

    /** ACLED's {@code time_precision}: 1 for a day, 2 for a week, 3 for a month or a year. */
    public static int timePrecision(DatePrecision precision) {
        if (precision == null) {
            return 1;
        }
        return switch (precision) {
            case DAY -> 1;
            case WEEK -> 2;
            case MONTH, YEAR -> 3;
        };
    }

    /** The date precision of ACLED's {@code time_precision} 1–3 (3 read as a month); empty otherwise. */
    public static Optional<DatePrecision> datePrecision(int timePrecision) {
        return switch (timePrecision) {
            case 1 -> Optional.of(DatePrecision.DAY);
            case 2 -> Optional.of(DatePrecision.WEEK);
            case 3 -> Optional.of(DatePrecision.MONTH);
            default -> Optional.empty();
        };
    }

    /** ACLED's {@code geo_precision}: 1 exact, 2 near, 3 an area (admin2, admin1, country, waters). */
    public static int acledGeoPrecision(GeoPrecision precision) {
        return switch (precision) {
            case EXACT -> 1;
            case NEAR -> 2;
            case ADMIN2, ADMIN1, COUNTRY, WATERS -> 3;
        };
    }

    /** The geo precision of ACLED's {@code geo_precision} 1–3 (3 read as admin1); empty otherwise. */
    public static Optional<GeoPrecision> geoPrecision(int acledGeoPrecision) {
        return switch (acledGeoPrecision) {
            case 1 -> Optional.of(GeoPrecision.EXACT);
            case 2 -> Optional.of(GeoPrecision.NEAR);
            case 3 -> Optional.of(GeoPrecision.ADMIN1);
            default -> Optional.empty();
        };
    }

    /**
     * ACLED's {@code disorder_type}: political violence for fighting, strikes, violence against
     * civilians and ceasefire violations; demonstrations for protests and riots; strategic
     * developments for everything else.
     */
    public static String disorderType(ConflictEventType type) {
        return switch (type) {
            case BATTLE, EXPLOSION_REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS, CEASEFIRE_VIOLATION ->
                    POLITICAL_VIOLENCE;
            case PROTEST, RIOT -> DEMONSTRATIONS;
            default -> STRATEGIC_DEVELOPMENTS;
        };
    }

    private record Country(int iso, String region) {
    }

    private static final String CAUCASUS = "Caucasus and Central Asia";
    private static final String MIDDLE_EAST = "Middle East";
    private static final String NORTHERN_AFRICA = "Northern Africa";
    private static final String EUROPE = "Europe";
    private static final String NORTH_AMERICA = "North America";

    /** The countries of the record's theaters and of the actors involved in them, by lower-case name. */
    private static final Map<String, Country> COUNTRIES = Map.ofEntries(
            Map.entry("azerbaijan", new Country(31, CAUCASUS)),
            Map.entry("armenia", new Country(51, CAUCASUS)),
            Map.entry("georgia", new Country(268, CAUCASUS)),
            Map.entry("syria", new Country(760, MIDDLE_EAST)),
            Map.entry("turkey", new Country(792, MIDDLE_EAST)),
            Map.entry("türkiye", new Country(792, MIDDLE_EAST)),
            Map.entry("iran", new Country(364, MIDDLE_EAST)),
            Map.entry("iraq", new Country(368, MIDDLE_EAST)),
            Map.entry("lebanon", new Country(422, MIDDLE_EAST)),
            Map.entry("cyprus", new Country(196, MIDDLE_EAST)),
            Map.entry("united arab emirates", new Country(784, MIDDLE_EAST)),
            Map.entry("libya", new Country(434, NORTHERN_AFRICA)),
            Map.entry("egypt", new Country(818, NORTHERN_AFRICA)),
            Map.entry("greece", new Country(300, EUROPE)),
            Map.entry("france", new Country(250, EUROPE)),
            Map.entry("russia", new Country(643, EUROPE)),
            Map.entry("united states", new Country(840, NORTH_AMERICA)));

    /** ISO 3166-1 numeric code of a country ACLED spells {@code country}; empty when not known here. */
    public static Optional<Integer> iso(String country) {
        return country(country).map(Country::iso);
    }

    /** ACLED's region of a country; empty when not known here. */
    public static Optional<String> region(String country) {
        return country(country).map(Country::region);
    }

    private static Optional<Country> country(String country) {
        return country == null ? Optional.empty()
                : Optional.ofNullable(COUNTRIES.get(country.strip().toLowerCase(Locale.ROOT)));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
