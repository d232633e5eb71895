-- A tenant's own headers, sent with every delivery attempt of its webhook (docs/API.md §6.1): one "Name: value" line
-- each, in the order given, lines separated by a line feed (a name never holds ':', nor a value a line break);
-- NULL: none. The domain bounds them (at most 20, 8,192 characters of names and values in all).
ALTER TABLE webhooks ADD COLUMN headers VARCHAR;
