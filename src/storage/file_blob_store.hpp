// FileBlobStore: ports::BlobStore on the local file system, for SQLite mode.
//
// A blob lives at <root>/<first two hex digits>/<remaining 62 hex digits> of
// the SHA-256 of its content, so equal content is stored once and Put() is
// idempotent. Put() is durable before it returns: the bytes go to a
// temporary file in the target folder, which is fsync'ed, renamed into
// place, and the folder fsync'ed too; a crash leaves either the whole blob or
// none of it (plus, at worst, a stray temporary file).
//
// Thread-safe: concurrent Put() calls of the same content each write their
// own temporary file and rename it over the same name.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/ports/store.hpp"

namespace hd::storage {

class FileBlobStore final : public core::ports::BlobStore {
 public:
  // `root` is created on first Put() when missing.
  explicit FileBlobStore(std::string root);

  // Returns the lower-case SHA-256 hex of `bytes`. kUnavailable when the disk
  // is full or the folder cannot be written.
  Result<std::string> Put(std::string_view bytes) override;
  // kNotFound when no blob has this hash (or it is not a SHA-256 hex);
  // kUnavailable when the file cannot be read.
  Result<std::string> Get(const std::string& sha256) override;

  // The lower-case SHA-256 hex of `bytes` (libsodium).
  static std::string Sha256Hex(std::string_view bytes);

 private:
  std::string PathOf(const std::string& sha256) const;

  std::string root_;
};

}  // namespace hd::storage
