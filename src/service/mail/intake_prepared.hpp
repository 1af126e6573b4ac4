// Internal to MailIntake: one message on its way through the pipeline,
// parsed and with its files stored, before the transaction decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/mail.hpp"
#include "service/mail/intake.hpp"
#include "service/uploads.hpp"

namespace hd::service {

struct MailIntake::Prepared {
  const IngestInput& input;
  core::InboundMail mail;
  std::string sha256;
  std::string sender;  // lower-case From address
  std::vector<StoredUpload> uploads;
  core::Timestamp now;
  std::optional<std::int64_t> release;  // the held record an operator releases
  bool raw_inline = false;              // the raw message is stored by Record, in the transaction
};

}  // namespace hd::service
