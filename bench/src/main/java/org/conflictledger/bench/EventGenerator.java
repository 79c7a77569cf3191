package org.conflictledger.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * ACLED-shaped conflict events with realistic spreads, the same for the same seed and index: theaters weighted as
 * the record's coverage is (Syria most, then Libya and Nagorno-Karabakh), dates spread over 2016–2020 with the
 * campaigns of each theater dense (Idlib 2019–20, Tripoli 2019–20, the 44-day war of 2020), ACLED's mix of event
 * and sub-event types, actors drawn with a Zipf law from each theater's list (a few actors in most events, a long
 * tail of local groups), places with coordinates, fatalities mostly zero with a long tail, and ACLED-style notes
 * and sources. Rows are written as the ACLED-compatible CSV of {@code POST /api/v1/events/import} or as the JSON
 * of {@code POST /api/v1/events}.
 */
final class EventGenerator {

    /** An actor the generated events name; the keys of the seed record where it has them. */
    record Actor(String key, String name, String kind, String country) {
    }

    /** ACLED's sub-event types the generator uses: label, ACLED event type, the record's type and sub-type names. */
    enum SubType {
        ARMED_CLASH("Armed clash", "Battles", "BATTLE"),
        GOVERNMENT_REGAINS_TERRITORY("Government regains territory", "Battles", "BATTLE"),
        NON_STATE_ACTOR_OVERTAKES_TERRITORY("Non-state actor overtakes territory", "Battles", "BATTLE"),
        SHELLING_ARTILLERY_MISSILE_ATTACK("Shelling/artillery/missile attack", "Explosions/Remote violence", "EXPLOSION_REMOTE_VIOLENCE"),
        AIR_DRONE_STRIKE("Air/drone strike", "Explosions/Remote violence", "EXPLOSION_REMOTE_VIOLENCE"),
        REMOTE_EXPLOSIVE_LANDMINE_IED("Remote explosive/landmine/IED", "Explosions/Remote violence", "EXPLOSION_REMOTE_VIOLENCE"),
        ATTACK("Attack", "Violence against civilians", "VIOLENCE_AGAINST_CIVILIANS"),
        ABDUCTION_FORCED_DISAPPEARANCE("Abduction/forced disappearance", "Violence against civilians", "VIOLENCE_AGAINST_CIVILIANS"),
        PEACEFUL_PROTEST("Peaceful protest", "Protests", "PROTEST"),
        PROTEST_WITH_INTERVENTION("Protest with intervention", "Protests", "PROTEST"),
        VIOLENT_DEMONSTRATION("Violent demonstration", "Riots", "RIOT"),
        MOB_VIOLENCE("Mob violence", "Riots", "RIOT"),
        AGREEMENT("Agreement", "Strategic developments", "STRATEGIC_DEVELOPMENT"),
        ARRESTS("Arrests", "Strategic developments", "STRATEGIC_DEVELOPMENT"),
        CHANGE_TO_GROUP_ACTIVITY("Change to group/activity", "Strategic developments", "STRATEGIC_DEVELOPMENT"),
        HEADQUARTERS_OR_BASE_ESTABLISHED("Headquarters or base established", "Strategic developments", "STRATEGIC_DEVELOPMENT"),
        LOOTING_PROPERTY_DESTRUCTION("Looting/property destruction", "Strategic developments", "STRATEGIC_DEVELOPMENT"),
        OTHER("Other", "Strategic developments", "STRATEGIC_DEVELOPMENT");

        final String label;
        final String acledEventType;
        final String ledgerType;

        SubType(String label, String acledEventType, String ledgerType) {
            this.label = label;
            this.acledEventType = acledEventType;
            this.ledgerType = ledgerType;
        }

        boolean violent() {
            return ledgerType.equals("BATTLE") || ledgerType.equals("EXPLOSION_REMOTE_VIOLENCE")
                    || ledgerType.equals("VIOLENCE_AGAINST_CIVILIANS");
        }
    }

    /** A place of a theater. */
    record Place(String name, String admin1, String country, double latitude, double longitude) {
    }

    /** One generated event. */
    record Event(String acledEventId, String theater, LocalDate date, String datePrecision, SubType subType,
                 List<String[]> actors, Place place, String geoPrecision, Integer fatalities, String notes,
                 List<String> sources) {
    }

    private record Window(LocalDate from, LocalDate to, double weight) {
    }

    private record TheaterProfile(String name, String code, double weight, List<Actor> actors, List<Place> places,
                                  List<Window> campaigns, double[] typeWeights, List<String> sources) {
    }

    /** ACLED's mix of event types: Battles, Explosions, Violence against civilians, Protests, Riots, Strategic. */
    private static final double[] CONFLICT_MIX = {0.30, 0.36, 0.08, 0.11, 0.03, 0.12};
    private static final double[] TENSION_MIX = {0.04, 0.06, 0.02, 0.38, 0.05, 0.45};
    private static final LocalDate FIRST = LocalDate.of(2016, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2020, 12, 31);

    static final List<Actor> SEED_ACTORS = List.of(
            new Actor("RUS", "Russia", "STATE", "RUS"),
            new Actor("TUR", "Turkey", "STATE", "TUR"),
            new Actor("AZE", "Azerbaijan", "STATE", "AZE"),
            new Actor("ARM", "Armenia", "STATE", "ARM"),
            new Actor("ARTSAKH", "Republic of Artsakh", "SELF_DECLARED_ENTITY", null),
            new Actor("USA", "United States", "STATE", "USA"),
            new Actor("FRA", "France", "STATE", "FRA"),
            new Actor("OSCE-MINSK", "OSCE Minsk Group", "INTERGOVERNMENTAL_BODY", null),
            new Actor("IRN", "Iran", "STATE", "IRN"),
            new Actor("SYR", "Syria", "STATE", "SYR"),
            new Actor("EGY", "Egypt", "STATE", "EGY"),
            new Actor("ARE", "United Arab Emirates", "STATE", "ARE"),
            new Actor("GNA", "Government of National Accord", "GOVERNMENT", "LBY"),
            new Actor("LNA", "Khalifa Haftar’s forces", "ARMED_GROUP", "LBY"),
            new Actor("RUS-PMC", "Russian private military contractors", "PRIVATE_MILITARY", "RUS"),
            new Actor("SNA", "Turkish-backed Syrian opposition groups", "ARMED_GROUP", "SYR"),
            new Actor("SYR-KURDS", "Kurdish groups in northern Syria", "ARMED_GROUP", "SYR"),
            new Actor("GRC", "Greece", "STATE", "GRC"),
            new Actor("CYP", "Cyprus", "STATE", "CYP"));

    private final long seed;
    private final List<TheaterProfile> theaters;
    private final double[] theaterWeights;

    EventGenerator(long seed) {
        this.seed = seed;
        this.theaters = List.of(
                new TheaterProfile("SYRIA", "SYR", 0.50,
                        actors("SYR", "TUR", "SNA", "RUS", "SYR-KURDS", "IRN", "USA", local("SYR", "Syria", 40)),
                        List.of(new Place("Idlib", "Idleb", "Syria", 35.9306, 36.6339),
                                new Place("Saraqib", "Idleb", "Syria", 35.8644, 36.8006),
                                new Place("Maarat al-Numan", "Idleb", "Syria", 35.6481, 36.6736),
                                new Place("Aleppo", "Aleppo", "Syria", 36.2021, 37.1343),
                                new Place("Afrin", "Aleppo", "Syria", 36.5119, 36.8695),
                                new Place("Manbij", "Aleppo", "Syria", 36.5281, 37.9549),
                                new Place("Ras al-Ayn", "Al-Hasakeh", "Syria", 36.8503, 40.0706),
                                new Place("Tell Abyad", "Ar-Raqqa", "Syria", 36.6974, 38.9567),
                                new Place("Deir ez-Zor", "Deir-ez-Zor", "Syria", 35.3359, 40.1408),
                                new Place("Daraa", "Dar'a", "Syria", 32.6189, 36.1021),
                                new Place("Hama", "Hama", "Syria", 35.1318, 36.7578),
                                new Place("Latakia", "Lattakia", "Syria", 35.5317, 35.7901)),
                        List.of(new Window(LocalDate.of(2019, 12, 1), LocalDate.of(2020, 3, 5), 0.30),
                                new Window(LocalDate.of(2019, 10, 9), LocalDate.of(2019, 11, 25), 0.12),
                                new Window(LocalDate.of(2018, 1, 20), LocalDate.of(2018, 3, 24), 0.08)),
                        CONFLICT_MIX,
                        List.of("Syrian Observatory for Human Rights", "Anadolu Agency", "SANA", "Enab Baladi",
                                "North Press Agency", "Step News Agency")),
                new TheaterProfile("LIBYA", "LBY", 0.20,
                        actors("LNA", "GNA", "TUR", "RUS-PMC", "ARE", "EGY", "RUS", local("LBY", "Libya", 20)),
                        List.of(new Place("Tripoli", "Tripoli", "Libya", 32.8872, 13.1913),
                                new Place("Tarhuna", "Al Murqub", "Libya", 32.4350, 13.6332),
                                new Place("Gharyan", "Al Jabal al Gharbi", "Libya", 32.1722, 13.0203),
                                new Place("Sirte", "Surt", "Libya", 31.2089, 16.5887),
                                new Place("Misrata", "Misrata", "Libya", 32.3754, 15.0925),
                                new Place("Al Watiya", "An Nuqat al Khams", "Libya", 32.4740, 12.0390),
                                new Place("Benghazi", "Benghazi", "Libya", 32.1167, 20.0667),
                                new Place("Al Jufrah", "Al Jufrah", "Libya", 29.1167, 15.9500)),
                        List.of(new Window(LocalDate.of(2019, 4, 4), LocalDate.of(2020, 6, 5), 0.55)),
                        CONFLICT_MIX,
                        List.of("Libya Observer", "Libya Herald", "Al Wasat", "Anadolu Agency", "Reuters")),
                new TheaterProfile("NAGORNO_KARABAKH", "NK", 0.18,
                        actors("AZE", "ARM", "ARTSAKH", "TUR", "RUS-PKF", "RUS", "OSCE-MINSK", local("NK", "Nagorno-Karabakh", 10)),
                        List.of(new Place("Stepanakert", "Khankendi", "Azerbaijan", 39.8153, 46.7519),
                                new Place("Shusha", "Shusha", "Azerbaijan", 39.7583, 46.7485),
                                new Place("Hadrut", "Khojavend", "Azerbaijan", 39.5200, 47.0300),
                                new Place("Fuzuli", "Fuzuli", "Azerbaijan", 39.6003, 47.1431),
                                new Place("Jabrayil", "Jabrayil", "Azerbaijan", 39.3999, 47.0245),
                                new Place("Martuni", "Khojavend", "Azerbaijan", 39.7950, 47.1130),
                                new Place("Tartar", "Tartar", "Azerbaijan", 40.3418, 46.9324),
                                new Place("Ganja", "Ganja", "Azerbaijan", 40.6828, 46.3606),
                                new Place("Barda", "Barda", "Azerbaijan", 40.3744, 47.1266),
                                new Place("Lachin", "Lachin", "Azerbaijan", 39.6394, 46.5461)),
                        List.of(new Window(LocalDate.of(2020, 9, 27), LocalDate.of(2020, 11, 10), 0.75),
                                new Window(LocalDate.of(2016, 4, 1), LocalDate.of(2016, 4, 5), 0.05)),
                        CONFLICT_MIX,
                        List.of("Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia", "APA",
                                "Armenpress", "CivilNet", "Caucasian Knot")),
                new TheaterProfile("SOUTH_CAUCASUS", "SC", 0.07,
                        actors("AZE", "ARM", "RUS", "TUR", "IRN", local("SC", "South Caucasus", 5)),
                        List.of(new Place("Tovuz", "Tovuz", "Azerbaijan", 40.9925, 45.6284),
                                new Place("Berd", "Tavush", "Armenia", 40.8810, 45.3917),
                                new Place("Yerevan", "Yerevan", "Armenia", 40.1792, 44.4991),
                                new Place("Baku", "Baku", "Azerbaijan", 40.4093, 49.8671),
                                new Place("Nakhchivan", "Nakhchivan", "Azerbaijan", 39.2089, 45.4122)),
                        List.of(new Window(LocalDate.of(2020, 7, 12), LocalDate.of(2020, 7, 20), 0.35)),
                        TENSION_MIX,
                        List.of("Caucasian Knot", "Armenpress", "APA", "JAMnews")),
                new TheaterProfile("EASTERN_MEDITERRANEAN", "EM", 0.05,
                        actors("TUR", "GRC", "CYP", "FRA", "EGY", local("EM", "Eastern Mediterranean", 5)),
                        List.of(new Place("Kastellorizo", "South Aegean", "Greece", 36.1500, 29.5900),
                                new Place("Athens", "Attica", "Greece", 37.9838, 23.7275),
                                new Place("Limassol", "Limassol", "Cyprus", 34.6786, 33.0413),
                                new Place("Famagusta", "Famagusta", "Cyprus", 35.1149, 33.9192),
                                new Place("Antalya", "Antalya", "Turkey", 36.8969, 30.7133),
                                new Place("Ankara", "Ankara", "Turkey", 39.9334, 32.8597)),
                        List.of(new Window(LocalDate.of(2020, 7, 1), LocalDate.of(2020, 10, 31), 0.6)),
                        TENSION_MIX,
                        List.of("Kathimerini", "Anadolu Agency", "Cyprus Mail", "Reuters")));
        this.theaterWeights = theaters.stream().mapToDouble(TheaterProfile::weight).toArray();
    }

    /** Every actor the generated events may name (each once), seed actors first. */
    List<Actor> actors() {
        List<Actor> all = new ArrayList<>();
        for (TheaterProfile t : theaters) {
            for (Actor a : t.actors()) {
                if (all.stream().noneMatch(b -> b.key().equals(a.key()))) {
                    all.add(a);
                }
            }
        }
        return all;
    }

    List<String> theaterNames() {
        return theaters.stream().map(TheaterProfile::name).toList();
    }

    /** The theater with the fewest events (the small export beside the whole store's). */
    String rarestTheater() {
        int rarest = 0;
        for (int i = 1; i < theaterWeights.length; i++) {
            if (theaterWeights[i] < theaterWeights[rarest]) {
                rarest = i;
            }
        }
        return theaters.get(rarest).name();
    }

    /** A theater drawn with the store's weights (for filtered reads). */
    String theater(SplittableRandom random) {
        return theaters.get(pick(random, theaterWeights)).name();
    }

    /** The {@code index}-th event of this seed (the same every time). */
    Event event(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        TheaterProfile t = theaters.get(pick(r, theaterWeights));
        LocalDate date = date(r, t);
        double p = r.nextDouble();
        String precision = p < 0.90 ? "DAY" : p < 0.98 ? "WEEK" : "MONTH";
        SubType subType = subType(r, t.typeWeights());
        List<String[]> actors = new ArrayList<>();
        int first = zipf(r, t.actors().size());
        boolean agreement = subType == SubType.AGREEMENT;
        actors.add(new String[]{t.actors().get(first).key(), agreement ? "SIGNATORY" : "PERPETRATOR"});
        if (agreement || (subType.violent() && r.nextDouble() < 0.8) || (!subType.violent() && r.nextDouble() < 0.3)) {
            int second = zipf(r, t.actors().size());
            if (second != first) {
                actors.add(new String[]{t.actors().get(second).key(), agreement ? "SIGNATORY" : "TARGET"});
            }
        }
        if (r.nextDouble() < 0.08) {
            int third = zipf(r, t.actors().size());
            String key = t.actors().get(third).key();
            if (actors.stream().noneMatch(a -> a[0].equals(key))) {
                actors.add(new String[]{key, agreement ? "MEDIATOR" : "SUPPORTER"});
            }
        }
        Place base = t.places().get(zipf(r, t.places().size()));
        double g = r.nextDouble();
        String geo = g < 0.75 ? "EXACT" : g < 0.95 ? "NEAR" : "ADMIN1";
        double jitter = geo.equals("EXACT") ? 0.02 : 0.08;
        Place place = new Place(base.name(), base.admin1(), base.country(),
                round(base.latitude() + (r.nextDouble() - 0.5) * jitter),
                round(base.longitude() + (r.nextDouble() - 0.5) * jitter));
        Integer fatalities = fatalities(r, subType);
        String notes = notes(date, subType, actors, place, fatalities);
        List<String> sources = new ArrayList<>();
        sources.add(t.sources().get(zipf(r, t.sources().size())));
        if (r.nextDouble() < 0.3) {
            String other = t.sources().get(r.nextInt(t.sources().size()));
            if (!sources.contains(other)) {
                sources.add(other);
            }
        }
        String acledId = t.code() + "-B" + seed + "-" + index;
        return new Event(acledId, t.name(), date, precision, subType, actors, place, geo, fatalities, notes, sources);
    }

    /** The CSV header of {@link #csvRow}. */
    static String csvHeader() {
        return "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
                + "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,"
                + "ledger_theater,ledger_date_precision,ledger_geo_precision,ledger_actors\n";
    }

    /** One row of the ACLED-compatible CSV the events-service imports. */
    static String csvRow(Event e) {
        StringBuilder row = new StringBuilder(400);
        String actor1 = e.actors().get(0)[0];
        String actor2 = e.actors().size() > 1 ? e.actors().get(1)[0] : "";
        String timePrecision = switch (e.datePrecision()) {
            case "DAY" -> "1";
            case "WEEK" -> "2";
            default -> "3";
        };
        String geoPrecision = switch (e.geoPrecision()) {
            case "EXACT" -> "1";
            case "NEAR" -> "2";
            default -> "3";
        };
        StringBuilder ledgerActors = new StringBuilder();
        for (String[] a : e.actors()) {
            ledgerActors.append(ledgerActors.length() == 0 ? "" : ";").append(a[0]).append(':').append(a[1]);
        }
        fields(row, e.acledEventId(), e.date().toString(), Integer.toString(e.date().getYear()), timePrecision,
                e.subType().acledEventType, e.subType().label, actor1, actor2, e.place().country(), e.place().admin1(),
                e.place().name(), Double.toString(e.place().latitude()), Double.toString(e.place().longitude()),
                geoPrecision, String.join("; ", e.sources()), e.notes(),
                e.fatalities() == null ? "" : e.fatalities().toString(), e.theater(), e.datePrecision(),
                e.geoPrecision(), ledgerActors.toString());
        return row.append('\n').toString();
    }

    /** The body of {@code POST /api/v1/events} for this event (without its ACLED id: a report, not an import). */
    static String json(Event e, String reason) {
        StringBuilder json = new StringBuilder(600);
        json.append("{\"theater\":\"").append(e.theater()).append("\",\"type\":\"").append(e.subType().ledgerType)
                .append("\",\"subType\":\"").append(e.subType().name()).append("\",\"date\":\"").append(e.date())
                .append("\",\"datePrecision\":\"").append(e.datePrecision()).append("\",\"location\":{\"place\":")
                .append(quote(e.place().name())).append(",\"admin1\":").append(quote(e.place().admin1()))
                .append(",\"country\":").append(quote(e.place().country())).append(",\"latitude\":")
                .append(e.place().latitude()).append(",\"longitude\":").append(e.place().longitude())
                .append(",\"geoPrecision\":\"").append(e.geoPrecision()).append("\"},\"actors\":[");
        for (int i = 0; i < e.actors().size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"actor\":\"").append(e.actors().get(i)[0])
                    .append("\",\"role\":\"").append(e.actors().get(i)[1]).append("\"}");
        }
        json.append(']');
        if (e.fatalities() != null) {
            json.append(",\"fatalities\":{\"best\":").append(e.fatalities()).append('}');
        }
        json.append(",\"notes\":").append(quote(e.notes())).append(",\"sources\":[");
        for (int i = 0; i < e.sources().size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"title\":").append(quote(e.sources().get(i))).append('}');
        }
        return json.append("],\"reason\":").append(quote(reason)).append('}').toString();
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static void fields(StringBuilder row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String v = values[i];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                row.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                row.append(v);
            }
        }
    }

    private static List<Actor> actors(Object... keysAndLocals) {
        List<Actor> list = new ArrayList<>();
        for (Object o : keysAndLocals) {
            if (o instanceof String key) {
                list.add(SEED_ACTORS.stream().filter(a -> a.key().equals(key)).findFirst()
                        .orElseGet(() -> new Actor(key, key.equals("RUS-PKF") ? "Russian peacekeeping contingent" : key,
                                key.equals("RUS-PKF") ? "PEACEKEEPING_FORCE" : "ARMED_GROUP",
                                key.equals("RUS-PKF") ? "RUS" : null)));
            } else {
                @SuppressWarnings("unchecked")
                List<Actor> locals = (List<Actor>) o;
                list.addAll(locals);
            }
        }
        return List.copyOf(list);
    }

    /** Local armed groups: the long tail of a theater's actors. */
    private static List<Actor> local(String code, String where, int count) {
        List<Actor> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(new Actor(String.format(Locale.ROOT, "%s-AG-%02d", code, i),
                    String.format(Locale.ROOT, "Local armed group %02d (%s)", i, where), "ARMED_GROUP", null));
        }
        return list;
    }

    private static LocalDate date(SplittableRandom r, TheaterProfile t) {
        double p = r.nextDouble();
        double cumulative = 0;
        for (Window w : t.campaigns()) {
            cumulative += w.weight();
            if (p < cumulative) {
                return between(r, w.from(), w.to());
            }
        }
        return between(r, FIRST, LAST);
    }

    private static LocalDate between(SplittableRandom r, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return LocalDate.ofEpochDay(from.toEpochDay() + r.nextLong(days + 1));
    }

    private static SubType subType(SplittableRandom r, double[] mix) {
        int acled = pick(r, mix);
        double p = r.nextDouble();
        return switch (acled) {
            case 0 -> p < 0.85 ? SubType.ARMED_CLASH : p < 0.93 ? SubType.GOVERNMENT_REGAINS_TERRITORY
                    : SubType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
            case 1 -> p < 0.55 ? SubType.SHELLING_ARTILLERY_MISSILE_ATTACK : p < 0.90 ? SubType.AIR_DRONE_STRIKE
                    : SubType.REMOTE_EXPLOSIVE_LANDMINE_IED;
            case 2 -> p < 0.8 ? SubType.ATTACK : SubType.ABDUCTION_FORCED_DISAPPEARANCE;
            case 3 -> p < 0.9 ? SubType.PEACEFUL_PROTEST : SubType.PROTEST_WITH_INTERVENTION;
            case 4 -> p < 0.7 ? SubType.VIOLENT_DEMONSTRATION : SubType.MOB_VIOLENCE;
            default -> p < 0.30 ? SubType.OTHER : p < 0.45 ? SubType.AGREEMENT : p < 0.60 ? SubType.ARRESTS
                    : p < 0.75 ? SubType.LOOTING_PROPERTY_DESTRUCTION : p < 0.85 ? SubType.HEADQUARTERS_OR_BASE_ESTABLISHED
                    : SubType.CHANGE_TO_GROUP_ACTIVITY;
        };
    }

    private static Integer fatalities(SplittableRandom r, SubType subType) {
        if (!subType.violent()) {
            return r.nextDouble() < 0.97 ? 0 : 1 + r.nextInt(3);
        }
        if (r.nextDouble() < 0.55) {
            return 0;
        }
        // log-normal tail: most 1-5, a few in the tens or hundreds
        return (int) Math.max(1, Math.min(500, Math.round(Math.exp(0.7 + 1.1 * gaussianish(r)))));
    }

    private static double gaussianish(SplittableRandom r) {
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) / 0.5;
    }

    private static String notes(LocalDate date, SubType subType, List<String[]> actors, Place place, Integer fatalities) {
        String who = actors.get(0)[0];
        String whom = actors.size() > 1 ? actors.get(1)[0] : null;
        String what = switch (subType) {
            case ARMED_CLASH -> "clashed" + (whom == null ? "" : " with " + whom);
            case GOVERNMENT_REGAINS_TERRITORY, NON_STATE_ACTOR_OVERTAKES_TERRITORY -> "took control of positions"
                    + (whom == null ? "" : " held by " + whom);
            case SHELLING_ARTILLERY_MISSILE_ATTACK -> "shelled positions" + (whom == null ? "" : " of " + whom);
            case AIR_DRONE_STRIKE -> "carried out a drone strike" + (whom == null ? "" : " on " + whom);
            case REMOTE_EXPLOSIVE_LANDMINE_IED -> "an IED detonated" + (whom == null ? "" : " against " + whom);
            case ATTACK, ABDUCTION_FORCED_DISAPPEARANCE -> "attacked civilians";
            case PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION -> "supporters demonstrated";
            case VIOLENT_DEMONSTRATION, MOB_VIOLENCE -> "supporters rioted";
            case AGREEMENT -> "reached an agreement" + (whom == null ? "" : " with " + whom);
            case ARRESTS -> "arrested suspects";
            default -> "reported activity";
        };
        return "On " + date + ", " + who + " " + what + " in and around " + place.name() + " (" + place.admin1()
                + ", " + place.country() + ")." + (fatalities == null || fatalities == 0 ? "" : " " + fatalities
                + " reported killed.") + " [generated by the bench]";
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Rank 0..n-1 drawn with weight 1/(rank+1)^1.1. */
    static int zipf(SplittableRandom r, int n) {
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += 1 / Math.pow(i, 1.1);
        }
        double p = r.nextDouble() * total;
        for (int i = 1; i <= n; i++) {
            p -= 1 / Math.pow(i, 1.1);
            if (p <= 0) {
                return i - 1;
            }
        }
        return n - 1;
    }

    private static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double p = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            p -= weights[i];
            if (p <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
