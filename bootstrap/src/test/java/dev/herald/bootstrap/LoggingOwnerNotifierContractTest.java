package dev.herald.bootstrap;

import dev.herald.application.contract.OwnerNotifierContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The notifier contract for the log, where notices go without SMTP: the log is what an operator reads. */
class LoggingOwnerNotifierContractTest extends OwnerNotifierContract {
    /** What starts each notice's log record. */
    private static final String RECORD_START = "No SMTP configured; notice for ";

    @Override
    protected Channel workingChannel() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        return new StandardErrorAs(new PrintStream(log, true, StandardCharsets.UTF_8)) {
            @Override
            public List<String> messages(int count) {
                String text = log.toString(StandardCharsets.UTF_8);
                return Arrays.stream(text.split(RECORD_START)).skip(1).map(m -> RECORD_START + m).toList();
            }
        };
    }

    @Override
    protected Channel brokenChannel() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        return new StandardErrorAs(new PrintStream(failing, true, StandardCharsets.UTF_8)) {
            @Override
            public List<String> messages(int count) {
                return List.of();
            }
        };
    }

    /** slf4j-simple writes to the current System.err: it is swapped for the test, and put back on close. */
    private abstract static class StandardErrorAs implements Channel {
        private final PrintStream original = System.err;
        private final LoggingOwnerNotifier notifier = new LoggingOwnerNotifier();

        StandardErrorAs(PrintStream replacement) {
            System.setErr(replacement);
        }

        @Override
        public LoggingOwnerNotifier notifier() {
            return notifier;
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }
}
