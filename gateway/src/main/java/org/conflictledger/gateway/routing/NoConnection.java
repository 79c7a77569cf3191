package org.conflictledger.gateway.routing;

import java.net.ConnectException;

/**
 * No connection to a service for a request: none could be opened in time, or every pooled one was taken and the
 * queue for them full or too slow. Nothing was sent, so it is a 503.
 */
final class NoConnection extends ConnectException {

    NoConnection(Throwable cause) {
        super(cause.toString());
        initCause(cause);
    }
}
