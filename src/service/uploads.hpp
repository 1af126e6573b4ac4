// Uploaded files on their way to a message: size checks, content-addressed
// storage of the bytes (before the transaction, so the writer never waits on
// file I/O) and the attachment records (inside it).
#pragma once

#include <vector>

#include "core/error.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "service/options.hpp"
#include "service/tickets.hpp"

namespace hd::service {

// A file whose bytes are stored already, waiting for its record.
struct StoredUpload {
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
};

// Checks count, size and names, then stores the bytes. kTooLarge naming
// "attachments" when a file exceeds Options::max_attachment_bytes.
Result<std::vector<StoredUpload>> StoreUploads(core::ports::BlobStore& blobs,
                                               const Options& options,
                                               const std::vector<UploadedFile>& files);

// Inserts the records for `message` and returns them, each with an
// "attachment_added" event.
Result<std::vector<core::Attachment>> RecordUploads(core::ports::Tx& tx,
                                                    const core::Message& message,
                                                    const std::vector<StoredUpload>& uploads);

}  // namespace hd::service
