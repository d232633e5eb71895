package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForNotifyingOwners;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The owners' inbox in memory: every notice, in the order given; while down, notices are lost, as mail would be. */
public final class InMemoryOwnerNotifier implements ForNotifyingOwners {
    private final List<FailureNotice> received = new CopyOnWriteArrayList<>();
    private final List<DisabledNotice> disabled = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    @Override
    public void notifyFailure(FailureNotice notice) {
        if (!down) {
            received.add(notice);
        }
    }

    @Override
    public void notifyDisabled(DisabledNotice notice) {
        if (!down) {
            disabled.add(notice);
        }
    }

    /** Every notice of a disabled webhook that arrived, oldest first (a live, read-only view). */
    public List<DisabledNotice> disabledNotices() {
        return Collections.unmodifiableList(disabled);
    }

    /** Every failure notice that arrived, oldest first (a live, read-only view). */
    public List<FailureNotice> received() {
        return Collections.unmodifiableList(received);
    }

    /** From now on notices are lost (a mail server that is unreachable). */
    public void goDown() {
        down = true;
    }
}
