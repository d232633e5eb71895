package dev.herald.domain.tenant;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.Optional;
import java.util.regex.Pattern;

/** A tenant's name: lower-case letters, digits, '-' and '_', 1 to 64 characters, starting with a letter or digit. */
public record TenantId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public TenantId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("tenant", Violation.Rule.TENANT_NAME_INVALID,
                    "tenant must be 1-64 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }
    }

    /** The tenant of this name, or empty when no tenant can have it (never an exception). */
    public static Optional<TenantId> parse(String name) {
        return name != null && SHAPE.matcher(name).matches() ? Optional.of(new TenantId(name)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
