package dev.herald.adapter.outbound;

/** One stage of a send took longer than allowed; the message is the readable error recorded for the attempt. */
final class DeadlineExceededException extends RuntimeException {
    DeadlineExceededException(String message) {
        super(message, null, false, false);
    }
}
