package io.github.padlock.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The servers the tests start listen on loopback only: {@code server.address=127.0.0.1} in the tests'
 * {@code application.properties}, which {@link HostileTestApplication} does not override. Its context is the hostile
 * corpus's, so this costs no start-up.
 */
@SpringBootTest(classes = HostileTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:hostile/hostile.yml")
class LoopbackOnlyTests {

    @LocalServerPort
    private int port;

    @Test
    void connectWhenToAnAddressOtherThanLoopbackThenRefused() throws SocketException {
        List<InetAddress> others = NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
            .toList();
        assumeFalse(others.isEmpty(), "this machine has no address but loopback and link-local ones");
        assertThatNoException().isThrownBy(() -> connect(InetAddress.getLoopbackAddress()));
        for (InetAddress address : others) {
            assertThatExceptionOfType(ConnectException.class).as("a connection to %s", address)
                .isThrownBy(() -> connect(address));
        }
    }

    private void connect(InetAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, this.port), 5_000);
        }
    }
}
