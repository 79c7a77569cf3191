package org.conflictledger.devstack.kafka;

/** The client port asked for is already bound by another process. */
public class PortInUseException extends IllegalStateException {

    private final int port;

    public PortInUseException(int port) {
        super("port " + port + " is already in use");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
