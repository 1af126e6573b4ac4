// DatabaseBlobStore: ports::BlobStore over the database for small blobs and
// another BlobStore (a FileBlobStore) for the rest, the way the help desk stores attachments and
// received mail.
//
// Blobs up to the inline limit go into the blobs table (migration 0009):
// durable with the group commit, no file, folder or fsync of their own, in
// every backup and copy of the database, and seen by every instance of a
// PostgreSQL installation. Larger blobs are files under blobs/. Get looks in
// the database first, then in the folder, so blobs written under either rule
// (or before the table existed) are all found.
//
// Thread-safe, like the Store and the FileBlobStore it is given.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/ports/store.hpp"

namespace hd::storage {

class DatabaseBlobStore final : public core::ports::BlobStore {
 public:
  // `inline_limit` 0 keeps every blob in files.
  DatabaseBlobStore(core::ports::Store& store, core::ports::BlobStore& files,
                    std::size_t inline_limit)
      : store_(store), files_(files), inline_limit_(inline_limit) {}

  Result<std::string> Put(std::string_view bytes) override;
  Result<std::string> Get(const std::string& sha256) override;
  std::size_t InlineLimit() const override { return inline_limit_; }

 private:
  core::ports::Store& store_;
  core::ports::BlobStore& files_;
  std::size_t inline_limit_;
};

}  // namespace hd::storage
