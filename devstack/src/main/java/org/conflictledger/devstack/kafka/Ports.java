package org.conflictledger.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Local TCP ports: whether one is free, and a free one. */
final class Ports {

    private Ports() {
    }

    static boolean isFree(int port) {
        // Binds the way the broker will (localhost, SO_REUSEADDR like Kafka's acceptor): a listener, also
        // on 0.0.0.0, makes the port taken, but connections of a stopped broker lingering in TIME_WAIT do not.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("localhost"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int pickFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
