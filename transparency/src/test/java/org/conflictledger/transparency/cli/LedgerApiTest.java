package org.conflictledger.transparency.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier's HTTP client against a plain socket server that drops connections as a flaky network does. */
class LedgerApiTest {
    private ServerSocket server;
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> headers = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void aDroppedConnectionIsAskedAgain() throws IOException {
        // the JDK client asks a dropped GET once more on its own: four drops outlast that, not our three tries
        String url = serve(4, "{\"size\": 3}");

        assertThat(new LedgerApi(url, null).get("/api/v1/actors/log").path("size").asInt()).isEqualTo(3);
        assertThat(requestLines).hasSize(5).allMatch(line -> line.equals("GET /api/v1/actors/log HTTP/1.1"));
    }

    @Test
    void aServerThatKeepsDroppingIsReportedAfterThreeTries() throws IOException {
        String url = serve(Integer.MAX_VALUE, "{}");

        assertThatThrownBy(() -> new LedgerApi(url, null).get("/api/v1/actors/log"))
                .isInstanceOf(LedgerApi.ApiFailure.class).hasMessageContaining("failed 3 times");
        assertThat(requestLines).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theTokenIsSentAsBearer() throws IOException {
        String url = serve(0, "{}");

        new LedgerApi(url, "abc").get("/x");

        assertThat(headers).contains("Authorization: Bearer abc");
    }

    /** Reads each request; closes the first {@code drops} connections without answering, then answers 200. */
    private String serve(int drops, String body) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger dropped = new AtomicInteger();
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    requestLines.add(in.readLine());
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        headers.add(header);
                    }
                    if (dropped.getAndIncrement() < drops) {
                        continue;
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return "http://127.0.0.1:" + server.getLocalPort();
    }
}
