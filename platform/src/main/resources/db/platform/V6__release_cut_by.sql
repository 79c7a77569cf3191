-- Who cut a release: a principal as long as a token's subject or a request header can be, not only 255 characters.
ALTER TABLE ledger_release ALTER COLUMN cut_by SET DATA TYPE VARCHAR(32768);
