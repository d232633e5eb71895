-- Signing secrets may be stored encrypted (docs/API.md §8.7): v1:<keyId>:<base64 of nonce,
-- ciphertext and tag> is longer than a clear whsec_ value.
ALTER TABLE webhooks ALTER COLUMN secret SET DATA TYPE VARCHAR(512);
ALTER TABLE webhooks ALTER COLUMN previous_secret SET DATA TYPE VARCHAR(512);
