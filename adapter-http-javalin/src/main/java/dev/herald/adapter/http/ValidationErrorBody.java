package dev.herald.adapter.http;

import dev.herald.domain.Violation;
import dev.herald.domain.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 422 answer: one entry per problem, {@code {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}}, with
 * FastAPI's locations and type names (the API being mirrored). The one place where the core's violations, which name
 * a field and a rule, are put in these HTTP words.
 */
record ValidationErrorBody(List<Problem> detail) {
    /** The core's field names that the request spells otherwise. */
    private static final Map<String, String> BODY_FIELDS = Map.of("idempotencyKey", "id", "grace", "graceSeconds");
    /** The core's ids, which requests give in the path. */
    private static final Map<String, String> PATH_PARAMETERS = Map.of(
            "webhookId", PathIds.WEBHOOK_ID, "deliveryId", PathIds.DELIVERY_ID, "eventId", "event_id");
    /** A field is a name, then items ({@code [2]}) and members ({@code .patientId}, in event data) below it. */
    private static final Pattern SEGMENT = Pattern.compile("\\[(\\d{1,9})]|\\.?([^.\\[]+)");
    /** An entry of a map field, its key verbatim: {@code headers["X-Api-Key"]} (see {@link Violation#entry}). */
    private static final Pattern ENTRY = Pattern.compile("(\\w+)\\[\"(.*)\"]", Pattern.DOTALL);

    /** The core's violations of a request's body fields (or path ids). */
    static ValidationErrorBody fromCore(List<Violation> violations) {
        return new ValidationErrorBody(violations.stream().map(Problem::inBody).toList());
    }

    /** One entry; array positions in {@code loc} are numbers: {@code ["body","subscriptions",1]}. */
    record Problem(List<Object> loc, String msg, String type) {
        Problem {
            loc = List.copyOf(loc);
        }

        /**
         * A violation of a body field ({@code subscriptions[1]} is {@code ["body","subscriptions",1]},
         * {@code data.items[0].amount} is {@code ["body","data","items",0,"amount"]},
         * {@code headers["X-A"]} is {@code ["body","headers","X-A"]}), or a path id.
         */
        static Problem inBody(Violation violation) {
            String pathParameter = PATH_PARAMETERS.get(violation.field());
            if (pathParameter != null) {
                return of(List.of("path", pathParameter), violation);
            }
            Matcher entry = ENTRY.matcher(violation.field());
            if (entry.matches()) {
                return of(List.of("body", entry.group(1), entry.group(2)), violation);
            }
            List<Object> loc = new ArrayList<>();
            loc.add("body");
            Matcher segment = SEGMENT.matcher(violation.field());
            while (segment.find()) {
                if (segment.group(1) != null) {
                    loc.add(Integer.valueOf(segment.group(1)));
                } else {
                    String name = segment.group(2);
                    loc.add(loc.size() == 1 ? BODY_FIELDS.getOrDefault(name, name) : name);
                }
            }
            return of(loc, violation);
        }

        /** A violation of the value of the query parameter {@code parameter}. */
        static Problem inQuery(String parameter, Violation violation) {
            return of(List.of("query", parameter), violation);
        }

        private static Problem of(List<Object> loc, Violation violation) {
            return new Problem(loc, violation.message(), type(violation.rule()));
        }

        private static String type(Rule rule) {
            return switch (rule) {
                case REQUIRED -> "value_error.missing";
                case ID_INVALID -> "value_error.id";
                case URL_INVALID -> "value_error.url";
                case EMAIL_INVALID -> "value_error.email";
                case TENANT_NAME_INVALID -> "value_error.tenant";
                case TEXT_INVALID -> "value_error.str";
                case TOO_LONG -> "value_error.any_str.max_length";
                case TOO_FEW_ITEMS -> "value_error.list.min_items";
                case TOO_MANY_ENTRIES -> "value_error.dict.max_items";
                case HEADER_NAME_INVALID -> "value_error.header.name";
                case HEADER_NAME_RESERVED -> "value_error.header.reserved";
                case HEADER_NAME_DUPLICATE -> "value_error.header.duplicate";
                case HEADER_VALUE_INVALID -> "value_error.header.value";
                case UNKNOWN_EVENT_TYPE -> "type_error.enum";
                case NOT_A_JSON_OBJECT -> "type_error.dict";
                case OUT_OF_RANGE -> "value_error.number.not_in_range";
                case TOO_SMALL -> "value_error.number.not_ge";
                case SCHEMA_MISMATCH -> "value_error.schema";
            };
        }
    }
}
