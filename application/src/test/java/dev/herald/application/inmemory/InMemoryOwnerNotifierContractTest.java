package dev.herald.application.inmemory;

import dev.herald.application.contract.OwnerNotifierContract;
import dev.herald.application.port.out.ForNotifyingOwners;
import java.util.List;
import java.util.stream.Stream;

class InMemoryOwnerNotifierContractTest extends OwnerNotifierContract {
    @Override
    protected Channel workingChannel() {
        return new Inbox(new InMemoryOwnerNotifier());
    }

    @Override
    protected Channel brokenChannel() {
        InMemoryOwnerNotifier notifier = new InMemoryOwnerNotifier();
        notifier.goDown();
        return new Inbox(notifier);
    }

    /** A notice reads as all its fields. */
    private record Inbox(InMemoryOwnerNotifier notifier) implements Channel {
        @Override
        public List<String> messages(int count) {
            return Stream.concat(notifier.received().stream(), notifier.disabledNotices().stream())
                    .map(Object::toString).toList();
        }
    }
}
