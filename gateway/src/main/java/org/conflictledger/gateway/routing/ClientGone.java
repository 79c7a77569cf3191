package org.conflictledger.gateway.routing;

/** Why a request to a service was ended early: its client went away before the answer ended. */
final class ClientGone extends RuntimeException {

    ClientGone() {
        super("the client went away before the answer ended", null, false, false);
    }
}
