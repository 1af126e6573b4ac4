#include "storage/database_blob_store.hpp"

#include <optional>

#include "storage/file_blob_store.hpp"

namespace hd::storage {

Result<std::string> DatabaseBlobStore::Put(std::string_view bytes) {
  if (!KeepsInDatabase(bytes.size())) return files_.Put(bytes);
  std::string sha = FileBlobStore::Sha256Hex(bytes);
  HD_RETURN_IF_ERROR(
      store_.Write([&](core::ports::Tx& tx) -> Status { return tx.Blobs().Put(sha, bytes); }));
  return sha;
}

Result<std::string> DatabaseBlobStore::Get(const std::string& sha256) {
  std::optional<std::string> bytes;
  HD_RETURN_IF_ERROR(store_.Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(bytes, tx.Blobs().Get(sha256));
    return Ok();
  }));
  if (bytes) return std::move(*bytes);
  return files_.Get(sha256);
}

}  // namespace hd::storage
