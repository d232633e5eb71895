package dev.herald.application.inmemory;

import dev.herald.application.contract.WebhookStoreContract;
import dev.herald.application.port.out.ForStoringWebhooks;

class InMemoryWebhookStoreContractTest extends WebhookStoreContract {
    @Override
    protected ForStoringWebhooks emptyWebhookStore() {
        return new InMemoryWebhookStore();
    }
}
