package dev.herald.application.inmemory;

import dev.herald.application.contract.NoticeThrottleContract;
import dev.herald.application.port.out.ForThrottlingNotices;

class InMemoryNoticeThrottleContractTest extends NoticeThrottleContract {
    @Override
    protected ForThrottlingNotices freshThrottle() {
        return new InMemoryNoticeThrottle();
    }
}
