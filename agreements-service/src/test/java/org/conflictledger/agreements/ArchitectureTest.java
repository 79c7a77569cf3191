package org.conflictledger.agreements;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The {@code domain} package is plain Java plus Axon's aggregate API: no Quarkus, CDI, JPA,
 * Hibernate, JTA, JAX-RS, Vert.x or Kafka, so the aggregate can be tested and reasoned about on
 * its own. Around it, the layers depend inwards: {@code api} (REST) on {@code query}, {@code write}
 * and {@code domain}; {@code query} (read model) and {@code messaging} (ledger.events.v1 follower)
 * on {@code domain}; {@code write} (Axon wiring) on {@code domain} only; nothing on {@code api}.
 */
@AnalyzeClasses(packages = "org.conflictledger.agreements", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.conflictledger.agreements";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String API = ROOT + ".api..";
    private static final String QUERY = ROOT + ".query..";
    private static final String MESSAGING = ROOT + ".messaging..";
    private static final String WRITE = ROOT + ".write..";

    @ArchTest
    static final ArchRule domainDependsOnNoInfrastructure = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..",
                    "io.smallrye..",
                    "jakarta.persistence..",
                    "jakarta.ws.rs..",
                    "jakarta.validation..",
                    "org.apache.kafka..",
                    "io.vertx..",
                    "org.hibernate..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.transaction..",
                    "org.eclipse.microprofile..")
            .because("the domain package imports no Quarkus, JPA, Kafka or JAX-RS types (CONTRIBUTING.md)");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(API, QUERY, MESSAGING, WRITE)
            .because("the REST, query, messaging and write-wiring layers depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule domainUsesNoPlatformInfrastructure = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.conflictledger.platform.api..",
                    "org.conflictledger.platform.axon..",
                    "org.conflictledger.platform.messaging..",
                    "org.conflictledger.platform.idempotency..",
                    "org.conflictledger.actorreplica..")
            .because("the domain speaks of agreements and terms; HTTP, Axon wiring, topics and replicas belong outside it");

    @ArchTest
    static final ArchRule nothingDependsOnTheRestLayer = noClasses()
            .that().resideInAnyPackage(DOMAIN, QUERY, MESSAGING, WRITE)
            .should().dependOnClassesThat().resideInAPackage(API)
            .because("the REST layer is the outermost: no other layer may depend on it");

    @ArchTest
    static final ArchRule theReadModelDependsOnNeitherMessagingNorTheWriteWiring = noClasses()
            .that().resideInAPackage(QUERY)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, WRITE)
            .because("the read model is fed by the domain's events, not by the topic follower or the Axon wiring");

    @ArchTest
    static final ArchRule theWriteWiringDependsOnlyOnTheDomain = noClasses()
            .that().resideInAPackage(WRITE)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, MESSAGING)
            .because("the Axon wiring configures the aggregate and nothing else of this service");

    @ArchTest
    static final ArchRule theRestLayerDoesNotReachIntoMessaging = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAPackage(MESSAGING)
            .because("HTTP requests and the ledger.events.v1 follower are independent adapters of the same domain");

    @ArchTest
    static final ArchRule layersAreFreeOfCycles = slices()
            .matching(ROOT + ".(*)..")
            .should().beFreeOfCycles()
            .because("the packages form layers, not a tangle");
}
