// Uploaded files on their way to a message: size checks, content-addressed
// storage of the bytes and the attachment records. Files the blob store
// keeps in the database (BlobStore::KeepsInDatabase) are written by the
// transaction that records them, in the same commit; larger files are
// stored before it, so the writer never waits on file I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "service/options.hpp"
#include "service/tickets.hpp"

namespace hd::service {

// A file on its way to its record: its bytes stored already, or held in
// `inline_bytes` for the transaction to store (RecordUploads).
struct StoredUpload {
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::optional<std::string> inline_bytes;
};

// Checks count, size and names, then stores the bytes of the files larger
// than the blob store's inline limit. kTooLarge naming
// "attachments" when a file exceeds Options::max_attachment_bytes.
Result<std::vector<StoredUpload>> StoreUploads(core::ports::BlobStore& blobs,
                                               const Options& options,
                                               const std::vector<UploadedFile>& files);

// Stores the inline bytes, inserts the records for `message` and returns
// them, each with an "attachment_added" event.
Result<std::vector<core::Attachment>> RecordUploads(core::ports::Tx& tx,
                                                    const core::Message& message,
                                                    const std::vector<StoredUpload>& uploads);

}  // namespace hd::service
