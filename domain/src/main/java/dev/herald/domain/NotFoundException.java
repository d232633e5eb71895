package dev.herald.domain;

/** A thing that does not exist, or belongs to another tenant: both answer the same. */
public class NotFoundException extends HeraldException {
    public NotFoundException(String what) {
        super(what + " not found");
    }

    public static NotFoundException webhook() {
        return new NotFoundException("Webhook");
    }

    public static NotFoundException event() {
        return new NotFoundException("Event");
    }

    public static NotFoundException delivery() {
        return new NotFoundException("Delivery");
    }

    public static NotFoundException tenant() {
        return new NotFoundException("Tenant");
    }
}
