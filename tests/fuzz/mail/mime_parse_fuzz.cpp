// libFuzzer target for the inbound MIME parser (scripts/fuzz-mail builds and
// runs it). Any bytes must parse into an InboundMail without a crash, hang
// or sanitizer report, with UTF-8 texts, and serialise to JSON.
#include <glib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mail/mime/mail_json.hpp"
#include "mail/mime/parser.hpp"

namespace {

void CheckUtf8(const std::string& text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) == FALSE) {
    __builtin_trap();  // every text the parser gives is UTF-8
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const hd::core::InboundMail mail = hd::mail::ParseMessage(raw);
  CheckUtf8(mail.subject);
  CheckUtf8(mail.body_text);
  CheckUtf8(mail.from.name);
  if (mail.body_html) CheckUtf8(*mail.body_html);
  for (const auto& a : mail.attachments) CheckUtf8(a.filename);
  const std::string json = hd::mail::ParseJson(mail);
  if (json.empty() || json.front() != '{') __builtin_trap();
  return 0;
}
