#include "mail/mime/mail_json.hpp"

#include <boost/json.hpp>

namespace hd::mail {
namespace {

namespace json = boost::json;

json::object Address(const core::MailAddress& a) {
  return json::object{{"name", a.name}, {"address", a.address}};
}

json::array Addresses(const std::vector<core::MailAddress>& list) {
  json::array out;
  out.reserve(list.size());
  for (const auto& a : list) out.emplace_back(Address(a));
  return out;
}

json::array Attachments(const std::vector<core::MailAttachment>& list) {
  json::array out;
  out.reserve(list.size());
  for (const auto& a : list) {
    out.emplace_back(json::object{{"filename", a.filename},
                                  {"content_type", a.content_type},
                                  {"size", static_cast<std::uint64_t>(a.bytes.size())}});
  }
  return out;
}

json::value OptionalString(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

}  // namespace

std::string ParseJson(const core::InboundMail& mail) {
  json::array references;
  for (const auto& r : mail.references) references.emplace_back(r);
  const json::object out{
      {"from", Address(mail.from)},
      {"to", Addresses(mail.to)},
      {"cc", Addresses(mail.cc)},
      {"reply_to", Addresses(mail.reply_to)},
      {"subject", mail.subject},
      {"message_id", mail.message_id},
      {"in_reply_to", OptionalString(mail.in_reply_to)},
      {"references", std::move(references)},
      {"date", mail.date ? json::value(core::FormatIso8601(*mail.date)) : json::value(nullptr)},
      {"body_text", mail.body_text},
      {"body_html", OptionalString(mail.body_html)},
      {"attachments", Attachments(mail.attachments)},
      {"auto_submitted", mail.auto_submitted},
      {"is_bounce", mail.is_bounce},
  };
  return json::serialize(out);
}

}  // namespace hd::mail
