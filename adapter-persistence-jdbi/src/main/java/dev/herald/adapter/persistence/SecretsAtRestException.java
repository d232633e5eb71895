package dev.herald.adapter.persistence;

/**
 * A webhook signing secret that cannot be read as stored, or a configuration under which Herald could not read them:
 * Herald refuses to start (or to use that webhook) rather than sign with a wrong secret (docs/API.md §8.7,
 * HERALD_ENCRYPTION_KEY). The message names webhooks and key ids, never a secret or a key.
 */
public final class SecretsAtRestException extends IllegalStateException {
    public SecretsAtRestException(String message) {
        super(message);
    }
}
