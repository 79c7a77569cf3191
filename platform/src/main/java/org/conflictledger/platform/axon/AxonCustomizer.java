package org.conflictledger.platform.axon;

import org.axonframework.config.Configurer;

/** A service's own additions to the Axon configuration (e.g. command handler interceptors). */
public interface AxonCustomizer {

    void customize(Configurer configurer);
}
