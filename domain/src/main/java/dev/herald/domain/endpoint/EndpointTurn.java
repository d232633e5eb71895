package dev.herald.domain.endpoint;

import java.time.Instant;

/**
 * How many of one endpoint's due deliveries a claim may take, and whether they are sent: the one fairness and
 * circuit decision that every queue adapter applies (docs/API.md §6.8).
 *
 * @param take  how many, at most, earliest due first
 * @param send  whether they are sent; when not, each attempt fails at once without a send (the circuit is open)
 * @param probe whether the one taken is the half-open circuit's probe
 */
public record EndpointTurn(int take, boolean send, boolean probe) {
    private static final EndpointTurn WAIT = new EndpointTurn(0, true, false);

    /**
     * The turn of an endpoint with {@code inFlight} sends open (on every node), when the claim offers it at most
     * {@code share} deliveries and its rate limit lets {@code allowance} more start this second. Deliveries that fail
     * at an open circuit are not sends: neither limit holds them back.
     */
    public static EndpointTurn of(EndpointHealth health, int inFlight, int share, int allowance,
                                  EndpointLimits limits, Instant now) {
        int sends = Math.min(Math.min(share, allowance), limits.concurrency() - inFlight);
        return switch (limits.breaker().state(health, now)) {
            case CLOSED -> new EndpointTurn(Math.max(0, sends), true, false);
            case OPEN -> new EndpointTurn(share, false, false);
            case HALF_OPEN -> inFlight == 0 && sends > 0 ? new EndpointTurn(1, true, true) : WAIT;
        };
    }
}
