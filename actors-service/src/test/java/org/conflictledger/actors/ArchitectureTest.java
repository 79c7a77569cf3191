package org.conflictledger.actors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The {@code domain} package is plain Java plus Axon's aggregate API: no Quarkus, CDI, JPA,
 * Hibernate, JTA, JAX-RS, Vert.x or Kafka, so the aggregates can be tested and reasoned about on
 * their own.
 */
@AnalyzeClasses(packages = "org.conflictledger.actors", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "org.conflictledger.actors.domain..";

    @ArchTest
    static final ArchRule domainDependsOnNoInfrastructure = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..",
                    "jakarta.persistence..",
                    "jakarta.ws.rs..",
                    "org.apache.kafka..",
                    "io.vertx..",
                    "org.hibernate..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.transaction..")
            .because("the domain package imports no Quarkus, JPA, Kafka or JAX-RS types (CONTRIBUTING.md)");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.conflictledger.actors.api..",
                    "org.conflictledger.actors.query..",
                    "org.conflictledger.actors.messaging..")
            .because("the REST, query and messaging layers depend on the domain, never the other way round");
}
