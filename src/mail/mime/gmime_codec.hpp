// GMimeCodec: the MailCodec of the help desk, on GMime 3 (parse, compose)
// and gumbo (HTML read as text). Stateless and thread-safe; GMime is
// initialised once per process on first use.
#pragma once

#include <string>
#include <string_view>

#include "core/ports/mail.hpp"

namespace hd::mail {

class GMimeCodec final : public core::ports::MailCodec {
 public:
  core::InboundMail Parse(std::string_view raw) const override;
  Result<std::string> Compose(const core::OutboundMail& mail) const override;
};

}  // namespace hd::mail
