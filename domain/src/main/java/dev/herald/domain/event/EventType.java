package dev.herald.domain.event;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event types a webhook can subscribe to, in the seed's order and with the seed's spellings
 * (which Herald writes); the corrected spellings of the three "RECIEVED" types are accepted on input.
 */
public enum EventType {
    PATIENT_CREATED, PATIENT_UPDATED, APPOINTMENT_CANCELLED, APPOINTMENT_RESCHEDULED, APPOINTMENT_REQUEST,
    PAYMENT_CREATED, PAYMENT_FAILED, PAYMENT_SUCCEEDED, CHARGE_CREATED, REFUND_CREATED, REFUND_FAILED,
    REFUND_SUCCEEDED, ADJUSTMENT_CREATED, ADJUSTMENT_FAILED, ADJUSTMENT_SUCCEEDED, INVOICE_SENT, INVOICE_FAILED,
    CALL_RECIEVED, CALL_MADE, MESSAGE_RECIEVED, MESSAGE_SENT, MESSAGE_DELIVERED, MESSAGE_FAILED, EMAIL_RECIEVED,
    EMAIL_SENT, FORM_SUBMITTED, MAIL_SENT, MAIL_DELIVERY_FAILED;

    private static final Map<String, EventType> BY_NAME = Stream.concat(
                    Arrays.stream(values()).map(t -> Map.entry(t.name(), t)),
                    Stream.of(Map.entry("CALL_RECEIVED", CALL_RECIEVED),
                            Map.entry("MESSAGE_RECEIVED", MESSAGE_RECIEVED),
                            Map.entry("EMAIL_RECEIVED", EMAIL_RECIEVED)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** The type named by {@code name} (seed or corrected spelling), or empty. */
    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    /** The type named by {@code name}, or a violation of the field {@code type}. */
    public static EventType parse(String name) {
        return parse(name, "type");
    }

    /** The type named by {@code name}, or a violation of {@code field} (e.g. {@code subscriptions[2]}). */
    public static EventType parse(String name, String field) {
        return find(name).orElseThrow(() -> InvalidInputException.of(field, Violation.Rule.UNKNOWN_EVENT_TYPE,
                "unknown event type '" + abbreviate(name) + "'; expected one of " + Arrays.toString(values())));
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
