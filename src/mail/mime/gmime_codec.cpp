#include "mail/mime/gmime_codec.hpp"

#include "mail/mime/composer.hpp"
#include "mail/mime/parser.hpp"
#include "mail/mime/reply_text.hpp"

namespace hd::mail {

core::InboundMail GMimeCodec::Parse(std::string_view raw) const {
  core::InboundMail mail = ParseMessage(raw);
  mail.reply_text = ExtractReply(mail.body_text);
  return mail;
}

Result<std::string> GMimeCodec::Compose(const core::OutboundMail& mail) const {
  return ComposeMessage(mail);
}

}  // namespace hd::mail
