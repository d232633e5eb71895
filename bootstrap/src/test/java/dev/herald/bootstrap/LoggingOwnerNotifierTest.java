package dev.herald.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.Notices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LoggingOwnerNotifierTest {
    @Test
    void logsTheNoticeAtWarnWhenThereIsNoSmtpServer() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err; // slf4j-simple writes to the current System.err
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new LoggingOwnerNotifier().notifyFailure(Notices.failure(1));
        } finally {
            System.setErr(originalErr);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("WARN"), log);
        assertTrue(log.contains("owner@example.com"), log);
        assertTrue(log.contains("Subject: Herald: deliveries to hooks.example.com are failing"), log);
        assertTrue(log.contains("msg_xyz789"), log);
        assertTrue(log.contains("1 more delivery to this webhook failed since the last notice"), log);
    }
}
