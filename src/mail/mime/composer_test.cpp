// ComposeMessage is checked on its real output: each message is parsed back
// with GMime's own parser, and what comes out must be what went in.

#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <string>

#include "mail/mime/composer.hpp"
#include "mail/mime/composer_test_util.hpp"

namespace hd::mail {
namespace {

using namespace compose_testing;  // NOLINT(google-build-using-namespace): test helpers

TEST(ComposeMessage, NamesTheMissingRequiredField) {
  struct Case {
    const char* field;
    void (*clear)(OutboundMail&);
  };
  const Case cases[] = {
      {"from", [](OutboundMail& m) { m.from.address.clear(); }},
      {"to", [](OutboundMail& m) { m.to.clear(); }},
      {"message_id", [](OutboundMail& m) { m.message_id.clear(); }},
      {"text", [](OutboundMail& m) { m.text.clear(); }},
  };
  for (const Case& c : cases) {
    OutboundMail mail = Minimal();
    c.clear(mail);
    Result<std::string> raw = ComposeMessage(mail);
    ASSERT_FALSE(raw.ok()) << c.field;
    EXPECT_EQ(raw.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(raw.error().field, c.field);
  }
}

TEST(ComposeMessage, RejectsMalformedAddressesAndIds) {
  OutboundMail mail = Minimal();
  mail.to.push_back({"Evil", "x@y.example>\r\nBcc: victim@z.example"});
  EXPECT_EQ(ComposeMessage(mail).error().field, "to");
  mail = Minimal();
  mail.cc = {{"", "not an address"}};
  EXPECT_EQ(ComposeMessage(mail).error().field, "cc");
  mail = Minimal();
  mail.message_id = "<with-brackets@x>";
  EXPECT_EQ(ComposeMessage(mail).error().field, "message_id");
  mail = Minimal();
  mail.references = {"ok@x", "has space@x"};
  EXPECT_EQ(ComposeMessage(mail).error().field, "references");
  mail = Minimal();
  mail.in_reply_to = "";
  EXPECT_EQ(ComposeMessage(mail).error().field, "in_reply_to");
}

TEST(ComposeMessage, RejectsExtraHeadersItWritesItself) {
  for (const char* name : {"Content-Type", "subject", "Message-ID", "Bad Name", "X:Y", ""}) {
    OutboundMail mail = Minimal();
    mail.headers = {{name, "value"}};
    Result<std::string> raw = ComposeMessage(mail);
    ASSERT_FALSE(raw.ok()) << name;
    EXPECT_EQ(raw.error().field, "headers");
  }
}

TEST(ComposeMessage, TextOnlyIsOneUtf8PlainPart) {
  OutboundMail mail = Minimal();
  mail.text = "Hello, Anna.\nYour ticket #1042 is open.\nPrice = 5 EUR.\n";
  const std::string raw = Compose(mail);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
  EXPECT_EQ(TypeOf(body), "text/plain");
  EXPECT_STREQ(g_mime_object_get_content_type_parameter(body, "charset"), "utf-8");
  EXPECT_EQ(g_mime_part_get_content_encoding(GMIME_PART(body)),
            GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  EXPECT_EQ(Decoded(body), Crlf(mail.text));
}

TEST(ComposeMessage, CyrillicTextTakesTheShorterBase64) {
  OutboundMail mail = Minimal();
  mail.text =
      "Здравствуйте, Анна!\nВаша заявка №1042 принята. Мы ответим до пн 12 янв., 13:00 (МСК).\n";
  const std::string raw = Compose(mail);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
  EXPECT_EQ(g_mime_part_get_content_encoding(GMIME_PART(body)), GMIME_CONTENT_ENCODING_BASE64);
  EXPECT_EQ(Decoded(body), Crlf(mail.text));
}

TEST(ComposeMessage, LongLinesEmojiAndMixedLineEndsSurvive) {
  OutboundMail mail = Minimal();
  std::string long_line;
  for (int i = 0; i < 400; ++i) long_line += "word" + std::to_string(i) + "😀 ";
  mail.text = "First line\r\n" + long_line + "\nlone CR\rend =3D tab\t \n\nFrom the start\n.\n";
  const std::string raw = Compose(mail);
  ExpectWellFormedLines(raw);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  const std::string want =
      "First line\r\n" + long_line + "\r\nlone CR\r\nend =3D tab\t \r\n\r\nFrom the start\r\n.\r\n";
  EXPECT_EQ(Decoded(g_mime_message_get_mime_part(parsed.get())), want);
}

TEST(ComposeMessage, HtmlMakesMultipartAlternativePlainFirst) {
  OutboundMail mail = Minimal();
  mail.text = "Ответ поддержки\n";
  mail.html =
      "<html><body><p>Ответ <b>поддержки</b></p>" + std::string(3000, 'x') + "</body></html>";
  const std::string raw = Compose(mail);
  ExpectWellFormedLines(raw);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
  ASSERT_EQ(TypeOf(body), "multipart/alternative");
  ASSERT_EQ(ChildCount(body), 2);
  EXPECT_EQ(TypeOf(Child(body, 0)), "text/plain");
  EXPECT_EQ(TypeOf(Child(body, 1)), "text/html");
  EXPECT_STREQ(g_mime_object_get_content_type_parameter(Child(body, 1), "charset"), "utf-8");
  EXPECT_EQ(Decoded(Child(body, 0)), Crlf(mail.text));
  EXPECT_EQ(Decoded(Child(body, 1)), mail.html);
}

std::string AllBytes() {
  std::string bytes;
  for (int round = 0; round < 3; ++round) {
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  }
  return bytes + "\n\r\n\r";
}

TEST(ComposeMessage, AttachmentsGoInMultipartMixedByteExactWithTheirNames) {
  OutboundMail mail = Minimal();
  mail.attachments = {
      {"Счёт №5 от 12.01.2026.pdf", "application/pdf", "", false, "", AllBytes()},
      {"report final (v2).txt", "text/plain", "", false, "", "line 1\nline 2\r\nno end"},
      {"weird", "not a type", "", false, "", "x"},
  };
  const std::string raw = Compose(mail);
  ExpectWellFormedLines(raw);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
  ASSERT_EQ(TypeOf(body), "multipart/mixed");
  ASSERT_EQ(ChildCount(body), 4);
  EXPECT_EQ(TypeOf(Child(body, 0)), "text/plain");
  const char* want_types[] = {"application/pdf", "text/plain", "application/octet-stream"};
  for (int i = 0; i < 3; ++i) {
    const MailAttachment& want = mail.attachments[static_cast<std::size_t>(i)];
    GMimeObject* part = Child(body, i + 1);
    EXPECT_EQ(TypeOf(part), want_types[i]);
    EXPECT_STREQ(g_mime_object_get_disposition(part), "attachment");
    EXPECT_STREQ(g_mime_part_get_filename(GMIME_PART(part)), want.filename.c_str());
    EXPECT_STREQ(g_mime_object_get_content_type_parameter(part, "name"), want.filename.c_str());
    EXPECT_EQ(Decoded(part), want.bytes) << want.filename;
  }
  // RFC 2231 for the disposition, RFC 2047 in name= for clients without it.
  EXPECT_NE(raw.find("=UTF-8''%D0%A1%D1%87%D1%91%D1%82"), std::string::npos);
  EXPECT_NE(raw.find("name=\"=?UTF-8?"), std::string::npos);
}

TEST(ComposeMessage, VeryLongNonAsciiFileNameStaysWithinLineLimits) {
  OutboundMail mail = Minimal();
  std::string name;
  for (int i = 0; i < 60; ++i) name += "Отчёт ";
  name += "итог.xlsx";
  mail.attachments = {{name, "application/vnd.ms-excel", "", false, "", "data"}};
  const std::string raw = Compose(mail);
  ExpectWellFormedLines(raw);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  GMimeObject* part = Child(g_mime_message_get_mime_part(parsed.get()), 1);
  EXPECT_STREQ(g_mime_object_get_content_disposition_parameter(part, "filename"), name.c_str());
  const std::string plain = g_mime_object_get_content_type_parameter(part, "name");
  EXPECT_LE(plain.size(), 255u);
  EXPECT_EQ(plain.substr(plain.size() - 5), ".xlsx");
}

TEST(ComposeMessage, InlineImagesTheHtmlShowsGoInMultipartRelated) {
  OutboundMail mail = Minimal();
  mail.text = "See the screenshot.\n";
  mail.html = "<p>See the screenshot:</p><img src=\"cid:shot1@helpdesk.example\">";
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  mail.attachments = {
      {"screenshot.png", "image/png", "shot1@helpdesk.example", true, "", png},
      {"logo.png", "image/png", "unused@helpdesk.example", true, "", "logo"},
      {"contract.pdf", "application/pdf", "", false, "", "%PDF-1.7"},
  };
  const std::string raw = Compose(mail);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  GMimeObject* mixed = g_mime_message_get_mime_part(parsed.get());
  ASSERT_EQ(TypeOf(mixed), "multipart/mixed");
  ASSERT_EQ(ChildCount(mixed), 3);  // alternative, the unreferenced logo, the contract
  GMimeObject* alternative = Child(mixed, 0);
  ASSERT_EQ(TypeOf(alternative), "multipart/alternative");
  GMimeObject* related = Child(alternative, 1);
  ASSERT_EQ(TypeOf(related), "multipart/related");
  EXPECT_STREQ(g_mime_object_get_content_type_parameter(related, "type"), "text/html");
  ASSERT_EQ(ChildCount(related), 2);
  EXPECT_EQ(Decoded(Child(related, 0)), mail.html);
  GMimeObject* image = Child(related, 1);
  EXPECT_STREQ(g_mime_object_get_content_id(image), "shot1@helpdesk.example");
  EXPECT_STREQ(g_mime_object_get_disposition(image), "inline");
  EXPECT_STREQ(g_mime_part_get_filename(GMIME_PART(image)), "screenshot.png");
  EXPECT_EQ(Decoded(image), png);
  EXPECT_STREQ(g_mime_part_get_filename(GMIME_PART(Child(mixed, 1))), "logo.png");
  EXPECT_STREQ(g_mime_part_get_filename(GMIME_PART(Child(mixed, 2))), "contract.pdf");
}

TEST(ComposeMessage, EveryLineEndsInCrlfAndFitsTheLimit) {
  OutboundMail mail = Minimal();
  mail.from.name = "Служба поддержки";
  mail.subject = std::string(1500, 'a');  // one word longer than any line may be
  mail.headers = {{"X-Long", std::string(1200, 'b')}};
  mail.text = std::string(5000, 'z') + "\n";
  for (int i = 0; i < 3000; ++i) mail.text += "я";
  mail.html = "<p>" + std::string(5000, 'h') + "</p>";
  mail.attachments = {
      {"big.bin", "application/octet-stream", "", false, "", std::string(100000, '\n')}};
  const std::string raw = Compose(mail);
  ExpectWellFormedLines(raw);
  GObjectPtr<GMimeMessage> parsed = Parse(raw);
  EXPECT_STREQ(g_mime_message_get_subject(parsed.get()), mail.subject.c_str());
}

}  // namespace
}  // namespace hd::mail
