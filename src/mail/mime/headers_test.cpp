#include "mail/mime/headers.hpp"

#include <gtest/gtest.h>

namespace hd::mail {
namespace {

std::string Iso(std::optional<core::Timestamp> t) {
  return t ? core::FormatIso8601(*t) : std::string("null");
}

TEST(DecodeText, DecodesKoi8rAndBase64Words) {
  EXPECT_EQ(DecodeText(" =?koi8-r?B?8NLJ18XU?=", ""), "Привет");
  EXPECT_EQ(DecodeText("=?windows-1251?Q?=CF=F0=E8=E2=E5=F2?= there", ""), "Привет there");
}

TEST(DecodeText, UnfoldsToOneSpace) {
  EXPECT_EQ(DecodeText(" Hello\r\n  world\r\n", ""), "Hello world");
}

TEST(DecodeText, JoinsWordsSplitInsideACharacterAndAfterPadding) {
  EXPECT_EQ(DecodeText("=?UTF-8?B?0J/RgNA=?=\r\n =?UTF-8?B?uNCy0LXRgg==?=", ""), "Привет");
  EXPECT_EQ(DecodeText("=?utf-8?Q?=D0?= =?utf-8?Q?=9F?=", ""), "П");
}

TEST(DecodeText, DropsBlanksBetweenWordsButKeepsThemInside) {
  EXPECT_EQ(DecodeText("=?utf-8?q?a?=  \t =?utf-8?q?_b?=", ""), "a b");
  EXPECT_EQ(DecodeText("=?utf-8?Q?Hello World?=", ""), "Hello World");
}

TEST(DecodeText, KeepsBrokenWordsAsWritten) {
  EXPECT_EQ(DecodeText("=?utf-8?Q?unterminated", ""), "=?utf-8?Q?unterminated");
  EXPECT_EQ(DecodeText("=?utf-8?X?abc?=", ""), "=?utf-8?X?abc?=");
}

TEST(DecodeText, ReadsRaw8BitHeaders) {
  EXPECT_EQ(DecodeText("Привет", ""), "Привет");
  EXPECT_EQ(DecodeText("\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0", ""), "Привет мир");
  EXPECT_EQ(DecodeText("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r"), "Привет");
  EXPECT_EQ(DecodeText("\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD", "shift_jis"), "こんにちは");
}

TEST(DecodeEncodedWords, LeavesOtherTextAlone) {
  EXPECT_EQ(DecodeEncodedWords("plain text", WordContext::kText), "plain text");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?q?a?= b =?UTF-8?Q?c?=", WordContext::kText), "a b c");
  EXPECT_EQ(DecodeEncodedWords("x=?utf-8?q?a?=y", WordContext::kText), "xay");
}

TEST(DecodeEncodedWords, QuotesDecodedSpecialsInAddressLists) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?Q?Petrova=2C_Anna?= <a@x>", WordContext::kAddressList),
            R"("Petrova, Anna" <a@x>)");
  EXPECT_EQ(DecodeEncodedWords(R"("=?utf-8?Q?say_=22hi=22?=" <a@x>)", WordContext::kAddressList),
            R"("say \"hi\"" <a@x>)");
  EXPECT_EQ(DecodeEncodedWords("a@x (=?utf-8?Q?Anna_=28HR=29?=)", WordContext::kAddressList),
            R"(a@x (Anna \(HR\)))");
  const auto list = ParseAddresses("=?utf-8?Q?Petrova=2C_Anna?= <a@x.example>", "");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "Petrova, Anna");
}

TEST(DecodeEncodedWords, StaysLinearOnBrokenWordSoup) {
  std::string soup;
  for (int i = 0; i < 20000; ++i) soup += "=?utf-8?Q?a";
  EXPECT_EQ(DecodeEncodedWords(soup, WordContext::kText), soup);
  EXPECT_EQ(DecodeText(soup, ""), soup);
  EXPECT_EQ(ParseAddresses(soup + " <a@x.example>", "").size(), 1u);
}

TEST(ParseAddresses, DecodesNamesAndQuotedNames) {
  const auto list = ParseAddresses(
      "=?utf-8?B?0JDQvdC90LA=?= <anna@x.example>, \"Petrova, Anna\" <p@x.example>", "");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "Анна");
  EXPECT_EQ(list[0].address, "anna@x.example");
  EXPECT_EQ(list[1].name, "Petrova, Anna");
}

TEST(ParseAddresses, ReadsTheCommentFormAndGroups) {
  auto list = ParseAddresses("anna@x.example (Anna Petrova)", "");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "Anna Petrova");
  list = ParseAddresses("undisclosed-recipients:;", "");
  EXPECT_TRUE(list.empty());
  list = ParseAddresses("team: a@x.example, \"B\" <b@x.example>;, c@y.example", "");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[1].name, "B");
  EXPECT_EQ(list[2].address, "c@y.example");
}

TEST(ParseAddresses, ReadsRaw8BitNames) {
  const auto list = ParseAddresses("\xC0\xED\xED\xE0 <anna@x.example>", "windows-1251");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "Анна");
}

TEST(ParseMessageIds, StripsBracketsCommentsAndPhrases) {
  EXPECT_EQ(ParseMessageIds(" <abc@x.example>"), std::vector<std::string>{"abc@x.example"});
  EXPECT_EQ(ParseMessageIds("<a@x> (message of Mon, 12 Jan <b@y>)"),
            std::vector<std::string>{"a@x"});
  EXPECT_EQ(ParseMessageIds("Your message of Mon <a@b>"), std::vector<std::string>{"a@b"});
  EXPECT_EQ(ParseMessageIds("<1@x>\r\n <2@x>\t<3@x>"),
            (std::vector<std::string>{"1@x", "2@x", "3@x"}));
  EXPECT_EQ(ParseMessageIds("abc@x.example"), std::vector<std::string>{"abc@x.example"});
  EXPECT_TRUE(ParseMessageIds("").empty());
}

TEST(ParseDate, ReadsRfc5322DatesAsUtc) {
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 13:15:00 +0300")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 -0000 (UTC)")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("12 Jan 2026 10:15 +0100")), "2026-01-12T09:15:00Z");
}

TEST(ParseDate, ReadsObsoleteZonesAsRfc5322Says) {
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 EST")), "2026-01-12T15:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 PDT")), "2026-01-12T17:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 GMT")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 UT")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 A")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 2026 10:15:00 MSK")), "2026-01-12T10:15:00Z");
}

TEST(ParseDate, ReadsObsoleteYearsAndBlanks) {
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 26 10:15:00 GMT")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Tue, 12 Jan 99 10:15:00 GMT")), "1999-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Sat, 12 Jan 50 10:15:00 GMT")), "1950-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon, 12 Jan 126 10:15:00 GMT")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("Mon , 12 Jan 2026 10 : 15 : 00 +0000")), "2026-01-12T10:15:00Z");
}

TEST(ParseDate, ReadsAsctimeAndIsoLikeForms) {
  EXPECT_EQ(Iso(ParseDate("Mon Jan 12 10:15:00 2026")), "2026-01-12T10:15:00Z");
  EXPECT_EQ(Iso(ParseDate("2026-01-12 10:15:00 +03:00")), "2026-01-12T07:15:00Z");
}

TEST(ParseDate, GivesNothingForUnreadableDates) {
  EXPECT_FALSE(ParseDate("garbage"));
  EXPECT_FALSE(ParseDate(""));
  EXPECT_FALSE(ParseDate("Mon, 31 Feb 2026 10:15:00 GMT"));
  EXPECT_FALSE(ParseDate("Mon, 12 Jan 2026 25:15:00 GMT"));
  EXPECT_FALSE(ParseDate("Mon, 12 Jan 99999 10:15:00 GMT"));
  EXPECT_FALSE(ParseDate("Mon, 12 Jan 2026 10:15:00 +0099"));
}

TEST(ParseHeaderLines, ReadsFoldedLinesUpToTheBlankLine) {
  const HeaderBlock block =
      ParseHeaderLines("Final-Recipient: rfc822;\r\n a@x\r\nAction: failed\r\n\r\nLater: no");
  ASSERT_TRUE(block.Find("final-recipient"));
  EXPECT_EQ(Unfold(*block.Find("Final-Recipient")), "rfc822; a@x");
  EXPECT_EQ(Unfold(*block.Find("ACTION")), "failed");
  EXPECT_FALSE(block.Find("Later"));
}

}  // namespace
}  // namespace hd::mail
