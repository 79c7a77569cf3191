package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.RUSSIA;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.TermCategory;

/** Builds {@link TermDetails} from the terms of the trilateral statement, one field changed at a time. */
final class TermDetailsBuilder {

    private int order;
    private String article;
    private String text;
    private TermCategory category;
    private List<UUID> obligated = List.of();
    private List<UUID> beneficiaries = List.of();
    private LocalDate deadline;
    private TermDuration duration;
    private List<Quantity> quantities = List.of();
    private List<TermCondition> conditions = List.of();

    private TermDetailsBuilder() {
    }

    /** Article 1: a complete ceasefire from 00:00 Moscow time on 10 November 2020. */
    static TermDetailsBuilder ceasefire() {
        TermDetailsBuilder term = new TermDetailsBuilder();
        term.order = 1;
        term.article = "1";
        term.text = "A complete ceasefire and termination of all hostilities in the area of the Nagorno-Karabakh"
                + " conflict is declared starting 00:00 Moscow time on 10 November 2020.";
        term.category = TermCategory.CEASEFIRE;
        term.obligated = List.of(AZERBAIJAN, ARMENIA);
        return term;
    }

    /** Article 2: the Agdam District returned to Azerbaijan by 20 November 2020. */
    static TermDetailsBuilder agdam() {
        TermDetailsBuilder term = new TermDetailsBuilder();
        term.order = 2;
        term.article = "2";
        term.text = "The Agdam District shall be returned to the Republic of Azerbaijan by 20 November 2020.";
        term.category = TermCategory.TERRITORIAL_TRANSFER;
        term.obligated = List.of(ARMENIA);
        term.beneficiaries = List.of(AZERBAIJAN);
        term.deadline = LocalDate.of(2020, 11, 20);
        return term;
    }

    /** Article 4: the Russian peacekeeping contingent, for five years renewed for five unless a party objects six months before. */
    static TermDetailsBuilder peacekeeping() {
        TermDetailsBuilder term = new TermDetailsBuilder();
        term.order = 4;
        term.article = "4";
        term.text = "The peacekeeping contingent of the Russian Federation shall be deployed for five years, with"
                + " automatic extension for further five-year periods unless a Party notifies of its intention to"
                + " terminate the application of this provision six months before the expiration of the period.";
        term.category = TermCategory.PEACEKEEPING;
        term.obligated = List.of(RUSSIA);
        term.beneficiaries = List.of(AZERBAIJAN, ARMENIA);
        term.duration = new TermDuration(Period.ofYears(5), true, Period.ofYears(5), Period.ofMonths(6));
        term.quantities = List.of(
                new Quantity(new BigDecimal("1960"), "personnel", "military personnel with firearms"),
                new Quantity(new BigDecimal("90"), "vehicles", "armoured personnel carriers"),
                new Quantity(new BigDecimal("380"), "vehicles", "motor vehicles and special equipment"));
        return term;
    }

    TermDetailsBuilder order(int order) {
        this.order = order;
        return this;
    }

    TermDetailsBuilder article(String article) {
        this.article = article;
        return this;
    }

    TermDetailsBuilder text(String text) {
        this.text = text;
        return this;
    }

    TermDetailsBuilder category(TermCategory category) {
        this.category = category;
        return this;
    }

    TermDetailsBuilder obligated(UUID... obligated) {
        this.obligated = Arrays.asList(obligated);
        return this;
    }

    TermDetailsBuilder obligated(List<UUID> obligated) {
        this.obligated = obligated;
        return this;
    }

    TermDetailsBuilder beneficiaries(UUID... beneficiaries) {
        this.beneficiaries = Arrays.asList(beneficiaries);
        return this;
    }

    TermDetailsBuilder deadline(LocalDate deadline) {
        this.deadline = deadline;
        return this;
    }

    TermDetailsBuilder duration(TermDuration duration) {
        this.duration = duration;
        return this;
    }

    TermDetailsBuilder duration(String period, boolean autoRenew, String renewal, String notice) {
        this.duration = new TermDuration(period == null ? null : Period.parse(period), autoRenew,
                renewal == null ? null : Period.parse(renewal), notice == null ? null : Period.parse(notice));
        return this;
    }

    /** Allows null entries, to test that they are refused. */
    TermDetailsBuilder quantities(Quantity... quantities) {
        this.quantities = Arrays.asList(quantities);
        return this;
    }

    /** Allows null entries, to test that they are refused. */
    TermDetailsBuilder conditions(TermCondition... conditions) {
        this.conditions = Arrays.asList(conditions);
        return this;
    }

    TermDetailsBuilder conditions(List<TermCondition> conditions) {
        this.conditions = conditions;
        return this;
    }

    TermDetails build() {
        return new TermDetails(order, article, text, category, obligated, beneficiaries, deadline, duration, quantities,
                conditions);
    }
}
