#include "service/uploads.hpp"

#include <string>

#include "service/crypto.hpp"
#include "service/validation.hpp"

namespace hd::service {

namespace {
// Keeps the last path component and drops control characters, so a stored
// name can never address a path or break a header.
std::string CleanFilename(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"') out += c;
  }
  out = Trim(out);
  return out.empty() ? std::string("attachment") : out;
}
}  // namespace

Result<std::vector<StoredUpload>> StoreUploads(core::ports::BlobStore& blobs,
                                               const Options& options,
                                               const std::vector<UploadedFile>& files) {
  if (files.size() > options.max_attachments_per_message) {
    return Error::InvalidArgument(
        "at most " + std::to_string(options.max_attachments_per_message) + " attachments",
        "attachments");
  }
  for (const auto& file : files) {
    if (file.bytes.size() > options.max_attachment_bytes) {
      return Error::TooLarge(file.filename + " is larger than the limit of " +
                                 std::to_string(options.max_attachment_bytes) + " bytes",
                             "attachments");
    }
  }
  std::vector<StoredUpload> stored;
  for (const auto& file : files) {
    HD_RETURN_IF_ERROR(CheckText(file.filename, "attachments", 255, false));
    const std::string type =
        file.content_type.empty() ? std::string("application/octet-stream") : file.content_type;
    StoredUpload upload{CleanFilename(file.filename), type,
                        static_cast<std::int64_t>(file.bytes.size()), "", std::nullopt};
    if (blobs.KeepsInDatabase(file.bytes.size())) {
      upload.sha256 = Sha256Hex(file.bytes);
      upload.inline_bytes = file.bytes;
    } else {
      HD_ASSIGN_OR_RETURN(upload.sha256, blobs.Put(file.bytes));
    }
    stored.push_back(std::move(upload));
  }
  return stored;
}

Result<std::vector<core::Attachment>> RecordUploads(core::ports::Tx& tx,
                                                    const core::Message& message,
                                                    const std::vector<StoredUpload>& uploads) {
  std::vector<core::Attachment> records;
  for (const auto& upload : uploads) {
    if (upload.inline_bytes) {
      HD_RETURN_IF_ERROR(tx.Blobs().Put(upload.sha256, *upload.inline_bytes));
    }
    core::Attachment a{{},
                       message.ticket_id,
                       message.id,
                       message.author_id,
                       upload.filename,
                       upload.content_type,
                       upload.size,
                       upload.sha256,
                       message.created_at};
    HD_ASSIGN_OR_RETURN(a, tx.Attachments().Insert(std::move(a)));
    core::Event event{{},
                      message.ticket_id,
                      message.author_id,
                      message.created_at,
                      core::EventKind::kAttachmentAdded,
                      "attachment",
                      "",
                      a.filename,
                      message.internal};
    HD_RETURN_IF_ERROR(tx.Events().Append(std::move(event)));
    records.push_back(std::move(a));
  }
  return records;
}

}  // namespace hd::service
