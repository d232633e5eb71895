package dev.herald.adapter.outbound;

import dev.herald.application.port.out.ForSendingHttp;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Turns why a send failed into the short error a user reads in the delivery log ("connect timed out"). */
final class FailureDescriptions {
    private static final int MAX_LENGTH = 500;

    private FailureDescriptions() {
    }

    static String describe(Throwable failure) {
        Throwable top = unwrap(failure);
        for (Throwable cause = top; cause != null; cause = cause.getCause()) {
            String known = describeKnown(cause);
            if (known != null) {
                return abbreviate(known);
            }
        }
        return abbreviate(top.getMessage() == null ? top.getClass().getSimpleName()
                : top.getClass().getSimpleName() + ": " + top.getMessage());
    }

    private static String describeKnown(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof DestinationNotAllowedException) {
            return ForSendingHttp.DESTINATION_NOT_ALLOWED;
        } else if (failure instanceof DeadlineExceededException) {
            return message;
        } else if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        } else if (failure instanceof HttpTimeoutException) {
            return "request timed out";
        } else if (failure instanceof NoRouteToHostException) {
            return "no route to host";
        } else if (failure instanceof ConnectException) {
            return message == null || message.isBlank() ? "connection refused" : message.toLowerCase(Locale.ROOT);
        } else if (failure instanceof UnknownHostException) {
            return "unknown host" + (message == null ? "" : " " + message);
        } else if (failure instanceof SSLException) {
            return "TLS failed" + (message == null ? "" : ": " + message);
        } else if (failure instanceof CancellationException) {
            return "request cancelled";
        } else if (failure instanceof IllegalArgumentException) {
            return "invalid request" + (message == null ? "" : ": " + message);
        }
        return null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
