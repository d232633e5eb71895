package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForSendingHttp.HttpResult;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * https to a name while connecting to the checked IP: the receiver must see the name as SNI and Host, and the
 * certificate must be verified for the name; a certificate for another name must still be refused.
 */
class HttpsPinningTest {
    private TestReceiver receiver;
    private JdkHttpSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = TestReceiver.https(TestTls.serverContext());
        receiver.on("/hook", TestReceiver.status(200));
        NameMap names = NameMap.of("receiver.test", "127.0.0.1").with("impostor.test", "127.0.0.1");
        sender = new JdkHttpSender(OutboundHttpSettings.defaults().withAllowPrivateNetworks(true), names,
                TestTls.clientContext());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theCertificateIsVerifiedForTheNameWhileConnectingToTheCheckedAddress() throws Exception {
        HttpResult result = post("https://receiver.test:" + receiver.port() + "/hook?a=1");

        assertEquals(Optional.of(200), result.status(), () -> result.error().orElse(""));
        assertEquals(List.of("receiver.test"), receiver.sniNames());
        assertEquals(List.of("receiver.test:" + receiver.port()), receiver.received().get(0).hosts());
        assertEquals("/hook?a=1", receiver.received().get(0).uri().toString());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        HttpResult result = post("https://impostor.test:" + receiver.port() + "/hook");

        assertEquals(Optional.empty(), result.status());
        String error = result.error().orElseThrow();
        assertTrue(error.startsWith("TLS failed") && error.contains("impostor.test"), error);
        assertEquals(0, receiver.hits("/hook"));
    }

    @Test
    void aSessionWithTheRealNameIsNotResumedForAnotherNameOnTheSameAddress() throws Exception {
        assertEquals(Optional.of(200), post("https://receiver.test:" + receiver.port() + "/hook").status());

        HttpResult impostor = post("https://impostor.test:" + receiver.port() + "/hook");

        assertEquals(Optional.empty(), impostor.status());
        assertEquals(1, receiver.hits("/hook"));
    }

    @Test
    void anIpLiteralUrlIsVerifiedForTheIpAddress() throws Exception {
        HttpResult result = post("https://127.0.0.1:" + receiver.port() + "/hook");

        assertTrue(result.error().orElseThrow().startsWith("TLS failed"), result.error().orElseThrow());
        assertEquals(0, receiver.hits("/hook"));
    }

    private HttpResult post(String url) throws Exception {
        return sender.post(JdkHttpSenderTest.request(url)).get(20, TimeUnit.SECONDS);
    }
}
