// ComposeMessage's header block, read back with GMime's own parser: addresses,
// subject, date, threading ids and extra headers decode to what went in.
#include "mail/mime/composer_headers.hpp"

#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mail/mime/composer.hpp"
#include "mail/mime/composer_test_util.hpp"

namespace hd::mail {
namespace {

using namespace compose_testing;  // NOLINT(google-build-using-namespace): test helpers

TEST(ComposeMessage, AddressesDecodeBackToTheInput) {
  OutboundMail mail = Minimal();
  mail.from = {"Служба поддержки ООО «Ромашка»", "support@helpdesk.example"};
  mail.to = {{"Анна Петрова", "anna@acme.example"},
             {"José O'Neil, Jr.", "jose@acme.example"},
             {"", "bare@acme.example"},
             {"Smith, John \"JJ\"", "john@acme.example"}};
  mail.cc = {{"李小龙", "li@acme.example"}, {"Mr 😀 Smile", "smile@acme.example"}};
  mail.reply_to = MailAddress{"Поддержка", "support+42.abcdef@helpdesk.example"};
  const std::string raw = Compose(mail);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  ExpectSameAddresses({mail.from}, g_mime_message_get_from(parsed.get()));
  ExpectSameAddresses(mail.to, g_mime_message_get_to(parsed.get()));
  ExpectSameAddresses(mail.cc, g_mime_message_get_cc(parsed.get()));
  ExpectSameAddresses({*mail.reply_to}, g_mime_message_get_reply_to(parsed.get()));
  EXPECT_EQ(HeaderBlock(raw).find("\xD0"), std::string_view::npos) << "raw 8-bit in headers";
  // Names that would fit Latin-1 are still UTF-8.
  EXPECT_NE(RawHeader(raw, "To").find("=?UTF-8?"), std::string::npos) << RawHeader(raw, "To");
  ExpectWholeCharactersPerWord(RawHeader(raw, "From"));
}

TEST(ComposeMessage, SubjectIsUtf8EncodedWordsFoldedOnCharacterBoundaries) {
  OutboundMail mail = Minimal();
  mail.subject =
      "[#1042] Не открывается личный кабинет после смены пароля 😀🚀 — помогите, пожалуйста, "
      "очень срочно, у нас стоит вся бухгалтерия и склад, ёлки-палки 🎄🎄🎄🎄🎄🎄🎄🎄";
  const std::string raw = Compose(mail);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  EXPECT_STREQ(g_mime_message_get_subject(parsed.get()), mail.subject.c_str());
  const std::string header = RawHeader(raw, "Subject");
  EXPECT_NE(header.find("\r\n "), std::string::npos) << "a long subject is folded";
  EXPECT_NE(header.find("[#1042]"), std::string::npos) << "the ticket tag stays readable";
  ExpectWholeCharactersPerWord(header);
  ExpectWellFormedLines(raw);
}

// Regression: GMime 3.2.13 reads adjacent base64 words as one stream, so a
// padded word ("…0J4=?=") swallowed the words after it.
TEST(ComposeMessage, EncodedWordsReadBackWholeWithGMime) {
  OutboundMail mail = Minimal();
  std::string alternating;  // 1- and 2-byte characters: no padding-free cut in reach
  for (int i = 0; i < 40; ++i) alternating += "aé";
  for (const std::string& text :
       {std::string("ООО «Ромашка»"), std::string("Служба поддержки ООО «Ромашка»"), alternating,
        std::string("x 😀 y 🎄🎄 z") + alternating, std::string("=?UTF-8?B?eA==?= literal")}) {
    mail.subject = text;
    mail.from.name = text;
    const std::string raw = Compose(mail);
    GObjectPtr<GMimeMessage> parsed = Parse(raw);
    EXPECT_STREQ(g_mime_message_get_subject(parsed.get()), text.c_str());
    ExpectSameAddresses({mail.from}, g_mime_message_get_from(parsed.get()));
    ExpectWholeCharactersPerWord(RawHeader(raw, "Subject"));
  }
}

TEST(ComposeMessage, InternationalDomainsAreWrittenInAscii) {
  OutboundMail mail = Minimal();
  mail.to = {{"Иван", "ivan@пример.рф"}};
  const std::string raw = Compose(mail);
  EXPECT_NE(RawHeader(raw, "To").find("<ivan@xn--e1afmkfd.xn--p1ai>"), std::string::npos)
      << RawHeader(raw, "To");
  mail.to = {{"Иван", "иван@example.com"}};  // would need SMTPUTF8
  EXPECT_EQ(ComposeMessage(mail).error().field, "to");
}

TEST(ComposeMessage, SubjectLineBreaksCannotAddHeaders) {
  OutboundMail mail = Minimal();
  mail.subject = "Hi\r\nBcc: victim@evil.example";
  mail.from.name = "Eve\nX-Injected: 1";
  const std::string raw = Compose(mail);
  EXPECT_EQ(raw.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(raw.find("\r\nX-Injected:"), std::string::npos);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  EXPECT_EQ(Addresses(g_mime_message_get_bcc(parsed.get())).size(), 0u);
}

TEST(ComposeMessage, DateIsRfc5322InUtc) {
  OutboundMail mail = Minimal();
  mail.date = core::FromUnixMillis(1768212900999);
  const std::string raw = Compose(mail);
  EXPECT_EQ(RawHeader(raw, "Date"), "Date: Mon, 12 Jan 2026 10:15:00 +0000\r\n");
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  EXPECT_EQ(g_date_time_to_unix(g_mime_message_get_date(parsed.get())), 1768212900);
}

TEST(ComposeMessage, ThreadingIdsAreInAngleBrackets) {
  OutboundMail mail = Minimal();
  mail.in_reply_to = "CAH+first@mail.gmail.com";
  for (int i = 0; i < 30; ++i)
    mail.references.push_back("t1.m" + std::to_string(i) + "@helpdesk.example");
  const std::string raw = Compose(mail);
  EXPECT_NE(raw.find("\r\nMessage-ID: <t1.m1@helpdesk.example>\r\n"), std::string::npos);
  EXPECT_NE(raw.find("In-Reply-To: <CAH+first@mail.gmail.com>\r\n"), std::string::npos);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  EXPECT_STREQ(g_mime_message_get_message_id(parsed.get()), "t1.m1@helpdesk.example");
  std::unique_ptr<GMimeReferences, void (*)(GMimeReferences*)> refs(
      g_mime_references_parse(nullptr,
                              g_mime_object_get_header(GMIME_OBJECT(parsed.get()), "References")),
      g_mime_references_free);
  ASSERT_EQ(g_mime_references_length(refs.get()), 30);
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(g_mime_references_get_message_id(refs.get(), i),
              mail.references[static_cast<std::size_t>(i)]);
  }
  ExpectWellFormedLines(raw);
}

TEST(ComposeMessage, NoEmptyOptionalHeaders) {
  const std::string raw = Compose(Minimal());
  for (const char* name : {"Cc:", "Reply-To:", "In-Reply-To:", "References:", "Bcc:"}) {
    EXPECT_EQ(HeaderBlock(raw).find(std::string("\r\n") + name), std::string_view::npos) << name;
  }
  EXPECT_NE(raw.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
}

TEST(ComposeMessage, ExtraHeadersKeepTheirOrderAndValues) {
  OutboundMail mail = Minimal();
  mail.headers = {{"Auto-Submitted", "auto-replied"},
                  {std::string(core::kLoopHeader), "helpdesk.example"},
                  {"X-Auto-Response-Suppress", "All"},
                  {"X-Note", "Заявка принята"}};
  const std::string raw = Compose(mail);
  std::size_t last = 0;
  for (const auto& [name, value] : mail.headers) {
    const std::size_t at = raw.find("\r\n" + name + ":");
    ASSERT_NE(at, std::string::npos) << name;
    EXPECT_GT(at, last) << name << " is out of order";
    last = at;
  }
  EXPECT_NE(raw.find("\r\nAuto-Submitted: auto-replied\r\n"), std::string::npos);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  const char* raw_note = g_mime_object_get_header(GMIME_OBJECT(parsed.get()), "X-Note");
  GCharPtr note(g_mime_utils_header_decode_text(nullptr, raw_note));
  EXPECT_STREQ(note.get(), "Заявка принята");
}

TEST(EncodeWords, WordsAreShortAndOnlyTheLastIsPadded) {
  const std::string text =
      "Счёт №5 от 12.01.2026 для ООО «Ромашка» 😀 — ёлки-палки, 李小龙, Ünïcödé and ASCII too";
  const std::vector<std::string> words = compose::EncodeWords(text);
  ASSERT_GT(words.size(), 2u);
  std::string decoded;
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_LE(words[i].size(), 75u) << words[i];
    ASSERT_EQ(words[i].rfind("=?UTF-8?B?", 0), 0u) << words[i];
    const std::string payload = words[i].substr(10, words[i].size() - 12);
    if (i + 1 < words.size()) {
      EXPECT_EQ(payload.find('='), std::string::npos) << words[i];
    }
    decoded += EncodedWordOctets("B", payload);
  }
  EXPECT_EQ(decoded, text);
  EXPECT_TRUE(compose::EncodeWords("").empty());
}

TEST(FormatDate, WritesRfc5322DatesInUtc) {
  EXPECT_EQ(compose::FormatDate(core::FromUnixMillis(0)), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(compose::FormatDate(core::FromUnixMillis(951868799999)),
            "Tue, 29 Feb 2000 23:59:59 +0000");
  EXPECT_EQ(compose::FormatDate(core::FromUnixMillis(-1)), "Wed, 31 Dec 1969 23:59:59 +0000");
}

}  // namespace
}  // namespace hd::mail
