#include "mail/mime/parser.hpp"

#include <glib.h>
#include <gtest/gtest.h>

#include <string>

namespace hd::mail {
namespace {

// A message with CRLF line ends from lines written with "\n".
std::string Crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

TEST(ParseMessage, DecodesKoi8rSubjectAndBody) {
  const auto mail = ParseMessage(
      "From: =?koi8-r?B?4c7OwQ==?= <anna@x.example>\n"
      "Subject: =?koi8-r?B?8NLJ18XU?=\n"
      "Content-Type: text/plain; charset=koi8-r\n"
      "Content-Transfer-Encoding: 8bit\n\n"
      "\xF0\xD2\xC9\xD7\xC5\xD4\n");
  EXPECT_EQ(mail.from.name, "Анна");
  EXPECT_EQ(mail.from.address, "anna@x.example");
  EXPECT_EQ(mail.subject, "Привет");
  EXPECT_EQ(mail.body_text, "Привет\n");
}

TEST(ParseMessage, ReadsRaw8BitHeadersInTheBodyCharset) {
  const auto mail = ParseMessage(
      "From: a@x.example\nSubject: \xCF\xF0\xE8\xE2\xE5\xF2\n"
      "Content-Type: text/plain; charset=windows-1251\n\n\xEC\xE8\xF0\n");
  EXPECT_EQ(mail.subject, "Привет");
  EXPECT_EQ(mail.body_text, "мир\n");
}

TEST(ParseMessage, NormalisesLineEndsAndKeepsTheTextOtherwise) {
  const auto mail = ParseMessage(Crlf("From: a@x.example\n\n  indented\n\ntrailing  \n"));
  EXPECT_EQ(mail.body_text, "  indented\n\ntrailing  \n");
}

TEST(ParseMessage, PrefersThePlainPartAndKeepsTheHtml) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/alternative; boundary=b\n\n"
      "--b\nContent-Type: text/plain; charset=utf-8\n\nplain text\n"
      "--b\nContent-Type: text/html; charset=utf-8\n\n<p>html text</p>\n--b--\n");
  EXPECT_EQ(mail.body_text, "plain text");
  ASSERT_TRUE(mail.body_html);
  EXPECT_EQ(*mail.body_html, "<p>html text</p>");
  EXPECT_TRUE(mail.attachments.empty());
}

TEST(ParseMessage, ReadsHtmlOnlyMailAsText) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: text/html; charset=utf-8\n\n"
      "<html><head><style>p{color:red}</style></head><body><p>Hello</p>"
      "<ul><li>one</li><li>two</li></ul><a href=\"https://x.example\">site</a></body></html>");
  EXPECT_EQ(mail.body_text, "Hello\n\n- one\n- two\nsite (https://x.example)");
  EXPECT_TRUE(mail.body_html);
}

TEST(ParseMessage, KeepsInlineImagesAsAttachments) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/related; boundary=r\n\n"
      "--r\nContent-Type: text/html\n\n<img src=\"cid:logo@x\">Hi\n"
      "--r\nContent-Type: image/png\nContent-ID: <logo@x>\nContent-Transfer-Encoding: base64\n\n"
      "iVBORw0KGgo=\n--r--\n");
  ASSERT_EQ(mail.attachments.size(), 1u);
  const auto& image = mail.attachments[0];
  EXPECT_EQ(image.content_id, "logo@x");
  EXPECT_TRUE(image.inline_image);
  EXPECT_EQ(image.content_type, "image/png");
  EXPECT_EQ(image.filename, "attachment-1.png");
  EXPECT_EQ(image.bytes, "\x89PNG\r\n\x1A\n");
  EXPECT_EQ(mail.body_text, "Hi");
}

TEST(ParseMessage, ListsAnAttachedMessageUnderItsSubject) {
  const std::string inner =
      "Subject: =?utf-8?B?0J7RgtGH0ZHRgg==?=\nFrom: b@y.example\n\ninner body";
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: text/plain\n\nsee attached\n"
      "--m\nContent-Type: message/rfc822\n\n" +
      inner + "\n--m--\n");
  EXPECT_EQ(mail.body_text, "see attached");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "Отчёт.eml");
  EXPECT_EQ(mail.attachments[0].embedded_subject, "Отчёт");
  EXPECT_EQ(mail.attachments[0].content_type, "message/rfc822");
  EXPECT_EQ(mail.attachments[0].bytes, inner);
}

TEST(ParseMessage, NamesAttachmentsWithoutNamesByPositionAndType) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/mixed; boundary=m\n\n"
      "--m\n\nbody\n"
      "--m\nContent-Type: application/pdf\n\n%PDF\n"
      "--m\nContent-Type: application/x-thing; name=\"=?utf-8?Q?=D1=84.bin?=\"\n\nx\n"
      "--m\nContent-Type: text/plain\nContent-Disposition: attachment;"
      " filename*=utf-8''%D0%BB%D0%BE%D0%B3.txt\n\nlog\n--m--\n");
  ASSERT_EQ(mail.attachments.size(), 3u);
  EXPECT_EQ(mail.attachments[0].filename, "attachment-1.pdf");
  EXPECT_EQ(mail.attachments[1].filename, "ф.bin");
  EXPECT_EQ(mail.attachments[2].filename, "лог.txt");
  EXPECT_EQ(mail.body_text, "body");
}

TEST(ParseMessage, KeepsWinmailDatAsOneAttachment) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: text/plain\n\nbody\n"
      "--m\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n"
      "Content-Transfer-Encoding: base64\n\neJ8+IgAA\n--m--\n");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "winmail.dat");
  EXPECT_EQ(mail.attachments[0].content_type, "application/ms-tnef");
  EXPECT_EQ(mail.attachments[0].bytes.size(), 6u);
}

TEST(ParseMessage, TurnsUuencodedBlocksIntoAttachments) {
  const auto mail = ParseMessage(
      "From: a@x.example\n\nSee the file.\n\nbegin 644 cat.txt\n#0V%T\n`\nend\n\nBye\n");
  EXPECT_EQ(mail.body_text, "See the file.\n\n\nBye\n");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "cat.txt");
  EXPECT_EQ(mail.attachments[0].content_type, "text/plain");
  EXPECT_EQ(mail.attachments[0].bytes, "Cat");
}

TEST(ParseMessage, DecodesWhatInvalidBase64AllowsAndSaysSo) {
  const auto mail =
      ParseMessage("From: a@x.example\nContent-Transfer-Encoding: base64\n\nSGVs!bG8g*d29y#bGQ=\n");
  EXPECT_EQ(mail.body_text, "Hello world");
  ASSERT_FALSE(mail.problems.empty());
  EXPECT_NE(mail.problems[0].find("base64"), std::string::npos);
}

TEST(ParseMessage, RecoversAMissingBoundary) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/mixed\n\n"
      "--guess\nContent-Type: text/plain\n\nthe text\n"
      "--guess\nContent-Type: application/pdf\nContent-Disposition: attachment; "
      "filename=a.pdf\n\n%PDF\n--guess--\n");
  EXPECT_EQ(mail.body_text, "the text");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "a.pdf");
  EXPECT_FALSE(mail.problems.empty());
}

TEST(ParseMessage, KeepsTheTextWhenTheBoundaryNeverAppears) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/mixed; boundary=nowhere\n\nplain words\n");
  EXPECT_NE(mail.body_text.find("plain words"), std::string::npos);
}

TEST(ParseMessage, KeepsABrokenInnerMultipartAsATextAttachment) {
  const auto mail = ParseMessage(
      "From: a@x.example\nContent-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: text/plain\n\nbody\n"
      "--m\nContent-Type: multipart/mixed\n\nlost words\n--m--\n");
  EXPECT_EQ(mail.body_text, "body");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "attachment-1.txt");
  EXPECT_NE(mail.attachments[0].bytes.find("lost words"), std::string::npos);
}

TEST(ParseMessage, GivesUtf8TextsWithoutNulBytes) {
  static constexpr char kRaw[] =
      "From: a@x.example\nMessage-ID: <\xFF\xFE@x>\nSubject: a\0b\n\nte\0xt\n";
  const auto mail = ParseMessage(std::string_view(kRaw, sizeof kRaw - 1));
  EXPECT_EQ(mail.body_text, "text\n");
  EXPECT_EQ(mail.subject.find('\0'), std::string::npos);
  EXPECT_NE(mail.message_id.find("@x"), std::string::npos);
  EXPECT_TRUE(g_utf8_validate(mail.message_id.data(), -1, nullptr));
}

TEST(ParseMessage, SkipsAnMboxFromLine) {
  const auto mail = ParseMessage(
      "From anna@x.example Mon Jan 12 10:15:00 2026\nFrom: a@x.example\nSubject: s\n\nbody\n");
  EXPECT_EQ(mail.from.address, "a@x.example");
  EXPECT_EQ(mail.subject, "s");
}

TEST(ParseMessage, ReadsIdsWithoutBracketsAndTheDateInUtc) {
  const auto mail = ParseMessage(
      "From: a@x.example\nMessage-ID: <m1@x.example>\n"
      "In-Reply-To: <m0@x.example> (message of Sun)\nReferences: <r1@x> <m0@x.example>\n"
      "Date: Mon, 12 Jan 2026 13:15:00 +0300\n\nbody\n");
  EXPECT_EQ(mail.message_id, "m1@x.example");
  EXPECT_EQ(mail.in_reply_to, "m0@x.example");
  EXPECT_EQ(mail.references, (std::vector<std::string>{"r1@x", "m0@x.example"}));
  ASSERT_TRUE(mail.date);
  EXPECT_EQ(core::FormatIso8601(*mail.date), "2026-01-12T10:15:00Z");
}

TEST(ParseMessage, GivesEmptyFieldsForAMissingFromAndDate) {
  const auto mail = ParseMessage("Subject: nothing else\nDate: someday\n\nbody\n");
  EXPECT_EQ(mail.from.address, "");
  EXPECT_EQ(mail.from.name, "");
  EXPECT_FALSE(mail.date);
  EXPECT_FALSE(mail.in_reply_to);
}

TEST(ParseMessage, ListsDeliveredToAddresses) {
  const auto mail = ParseMessage(
      "Delivered-To: support@x.example\nX-Original-To: help@x.example\n"
      "Delivered-To: support@x.example\nFrom: a@x.example\n\nbody\n");
  EXPECT_EQ(mail.delivered_to, (std::vector<std::string>{"support@x.example", "help@x.example"}));
}

TEST(ParseMessage, ReadsADeliveryStatusNotification) {
  const auto mail = ParseMessage(
      "From: Mail Delivery System <MAILER-DAEMON@mx.example>\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=d\n\n"
      "--d\nContent-Type: text/plain\n\nCould not deliver.\n"
      "--d\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example\n\n"
      "Final-Recipient: rfc822; final@y.example\nOriginal-Recipient: rfc822;orig@y.example\n"
      "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
      "Final-Recipient: rfc822; ok@y.example\nAction: delivered\nStatus: 2.0.0\n"
      "--d\nContent-Type: text/rfc822-headers\n\nMessage-ID: <sent-1@helpdesk.example>\n"
      "Subject: hi\n--d--\n");
  EXPECT_TRUE(mail.is_bounce);
  EXPECT_TRUE(mail.auto_submitted);
  EXPECT_EQ(mail.bounce.failed_recipients, std::vector<std::string>{"orig@y.example"});
  EXPECT_EQ(mail.bounce.status, "5.1.1");
  EXPECT_EQ(mail.bounce.diagnostic, "550 5.1.1 User unknown");
  EXPECT_EQ(mail.bounce.original_message_id, "sent-1@helpdesk.example");
  EXPECT_EQ(mail.body_text, "Could not deliver.");
  EXPECT_EQ(mail.attachments.size(), 2u);
}

TEST(ParseMessage, ReadsAPlainTextBounce) {
  const auto mail = ParseMessage(
      "From: MAILER-DAEMON@old.example\nSubject: failure notice\n\n"
      "Hi. This is the qmail-send program.\n\n<gone@y.example>:\n"
      "192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 No such user\n\n"
      "--- Below this line is a copy of the message.\n\nReturn-Path: <support@x>\n"
      "Message-ID: <ack-1@helpdesk.example>\nTo: other@z.example\n");
  EXPECT_TRUE(mail.is_bounce);
  EXPECT_EQ(mail.bounce.failed_recipients, std::vector<std::string>{"gone@y.example"});
  EXPECT_EQ(mail.bounce.status, "5.1.1");
  EXPECT_EQ(mail.bounce.diagnostic, "Remote host said: 550 5.1.1 No such user");
  EXPECT_EQ(mail.bounce.original_message_id, "ack-1@helpdesk.example");
}

TEST(ParseMessage, DoesNotTakeAReadReceiptForABounce) {
  const auto mail = ParseMessage(
      "From: postmaster@y.example\n"
      "Content-Type: multipart/report; report-type=disposition-notification; boundary=d\n\n"
      "--d\n\nRead.\n--d\nContent-Type: message/disposition-notification\n\n"
      "Disposition: manual-action/MDN-sent-manually; displayed\n--d--\n");
  EXPECT_FALSE(mail.is_bounce);
}

TEST(ParseMessage, RecognisesAutomaticMail) {
  auto mail = ParseMessage("From: a@x.example\nAuto-Submitted: auto-replied\n\nbody\n");
  EXPECT_TRUE(mail.auto_submitted);
  EXPECT_EQ(mail.auto_reason, "Auto-Submitted: auto-replied");
  EXPECT_TRUE(mail.suppress_auto_reply);
  mail = ParseMessage("From: a@x.example\nAuto-Submitted: no\n\nbody\n");
  EXPECT_FALSE(mail.auto_submitted);
  mail = ParseMessage("From: a@x.example\nPrecedence: bulk\n\nbody\n");
  EXPECT_TRUE(mail.auto_submitted);
  mail = ParseMessage("From: a@x.example\nX-Autoreply: yes\n\nbody\n");
  EXPECT_TRUE(mail.auto_submitted);
}

TEST(ParseMessage, SuppressesAnswersToListsWithoutCallingThemAutomatic) {
  auto mail = ParseMessage("From: a@x.example\nList-Id: <l.x.example>\n\nbody\n");
  EXPECT_FALSE(mail.auto_submitted);
  EXPECT_TRUE(mail.suppress_auto_reply);
  mail = ParseMessage("From: a@x.example\nX-Auto-Response-Suppress: All\n\nbody\n");
  EXPECT_FALSE(mail.auto_submitted);
  EXPECT_TRUE(mail.suppress_auto_reply);
}

TEST(ParseMessage, ReadsOurLoopHeader) {
  const auto mail = ParseMessage("From: a@x.example\nX-Helpdesk-Loop: helpdesk.example\n\nb\n");
  EXPECT_EQ(mail.loop_header, "helpdesk.example");
}

TEST(ParseMessage, KeepsWhatIsNotAMessageAsText) {
  EXPECT_EQ(ParseMessage("").body_text, "");
  const auto mail = ParseMessage("just some words\nwithout headers");
  EXPECT_NE(mail.body_text.find("just some words"), std::string::npos);
  EXPECT_FALSE(mail.problems.empty());
}

TEST(ParseMessage, SurvivesDeepNesting) {
  std::string raw = "From: a@x.example\n";
  for (int i = 0; i < 200; ++i) {
    raw += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n--b" +
           std::to_string(i) + "\n";
  }
  raw += "Content-Type: text/plain\n\ndeep\n";
  EXPECT_NO_THROW((void)ParseMessage(raw));
}

TEST(ParseMessage, ReadsHugeMessagesWithLongLines) {
  std::string raw = "From: a@x.example\nSubject: big\n\n";
  raw += std::string(4 << 20, 'x');
  raw += "\n";
  for (int i = 0; i < 100000; ++i) raw += "begin 644 f\n";
  const auto mail = ParseMessage(raw);
  EXPECT_GT(mail.body_text.size(), std::size_t{4} << 20);
  EXPECT_TRUE(mail.attachments.empty());
}

}  // namespace
}  // namespace hd::mail
