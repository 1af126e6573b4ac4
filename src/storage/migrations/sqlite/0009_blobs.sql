-- Blobs kept in the database (storage/database_blob_store.hpp): received
-- mail and attachments up to the inline limit, by the SHA-256 hex of their
-- bytes. They commit with the rows that name them and are backed up, copied
-- and shared by every instance with the rest of the data; larger blobs stay
-- in the blobs/ folder.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
