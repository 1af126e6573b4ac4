#include "mail/mime/charset.hpp"

#include <gtest/gtest.h>

namespace hd::mail {
namespace {

// "Привет, как дела" in the legacy Cyrillic charsets.
const std::string kCp1251 = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEA\xE0\xEA \xE4\xE5\xEB\xE0";
const std::string kKoi8r = "\xF0\xD2\xC9\xD7\xC5\xD4, \xCB\xC1\xCB \xC4\xC5\xCC\xC1";
const std::string kRussian = "Привет, как дела";

TEST(IsUtf8, AcceptsAsciiAndUtf8AndRejectsLegacyBytes) {
  EXPECT_TRUE(IsUtf8("plain"));
  EXPECT_TRUE(IsUtf8(kRussian));
  EXPECT_FALSE(IsUtf8(kCp1251));
  EXPECT_FALSE(IsUtf8("\xD0"));  // a sequence cut short
}

TEST(GuessLegacyCharset, TellsWindows1251FromKoi8r) {
  EXPECT_EQ(GuessLegacyCharset(kCp1251), "windows-1251");
  EXPECT_EQ(GuessLegacyCharset(kKoi8r), "koi8-r");
}

TEST(GuessLegacyCharset, ReadsFewAccentsAsLatin) {
  EXPECT_EQ(GuessLegacyCharset("Cr\xE8me br\xFBl\xE9"
                               "e and caf\xE9 for everyone"),
            "windows-1252");
}

TEST(ToUtf8, DecodesKoi8rAndWindows1251AsDeclared) {
  EXPECT_EQ(ToUtf8(kKoi8r, "koi8-r"), kRussian);
  EXPECT_EQ(ToUtf8(kCp1251, "Windows-1251"), kRussian);
  EXPECT_EQ(ToUtf8(kCp1251, "\"cp1251\""), kRussian);
}

TEST(ToUtf8, ReadsMissingCharsetAsUtf8ThenGuesses) {
  EXPECT_EQ(ToUtf8(kRussian, ""), kRussian);
  EXPECT_EQ(ToUtf8(kCp1251, ""), kRussian);
  EXPECT_EQ(ToUtf8(kKoi8r, ""), kRussian);
}

TEST(ToUtf8, ReadsMislabelledTextAndSaysSo) {
  std::vector<std::string> problems;
  EXPECT_EQ(ToUtf8(kCp1251, "utf-8", &problems), kRussian);
  EXPECT_EQ(ToUtf8(kCp1251, "us-ascii", &problems), kRussian);
  EXPECT_EQ(problems.size(), 2u);
  // UTF-8 labelled as a single-byte charset is UTF-8.
  EXPECT_EQ(ToUtf8(kRussian, "iso-8859-1"), kRussian);
}

TEST(ToUtf8, ReadsUnknownCharsetLikeAMissingOne) {
  std::vector<std::string> problems;
  EXPECT_EQ(ToUtf8(kCp1251, "x-no-such-charset", &problems), kRussian);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("x-no-such-charset"), std::string::npos);
  EXPECT_EQ(ToUtf8(kCp1251, "bad/../name"), kRussian);
}

TEST(ToUtf8, ReadsLatinCharsetsTheWaySendersMeanThem) {
  EXPECT_EQ(ToUtf8("caf\xE9 \x80"
                   "5",
                   "iso-8859-1"),
            "café €5");  // Windows-1252's euro
  EXPECT_EQ(ToUtf8("\xA4", "iso-8859-15"), "€");
  EXPECT_EQ(ToUtf8("\xB1", "iso-8859-2"), "ą");
  EXPECT_EQ(ToUtf8("\xBF\xE0\xD8\xD2\xD5\xE2", "iso-8859-5"), "Привет");
}

TEST(ToUtf8, DecodesChineseCharsetsAsTheirSupersets) {
  EXPECT_EQ(ToUtf8("\xC4\xE3\xBA\xC3", "gb2312"), "你好");
  EXPECT_EQ(ToUtf8("\x81\x40", "gb2312"), "丂");  // GBK only, sent as gb2312
  EXPECT_EQ(ToUtf8("\x81\x30\x81\x30", "GB18030"), "\xC2\x80");
  EXPECT_EQ(ToUtf8("\xA7\x41\xA6\x6E", "big5"), "你好");
}

TEST(ToUtf8, DecodesJapaneseCharsets) {
  EXPECT_EQ(ToUtf8("\x1B$B$3$s$K$A$O\x1B(B", "iso-2022-jp"), "こんにちは");
  EXPECT_EQ(ToUtf8("\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD", "shift_jis"), "こんにちは");
  EXPECT_EQ(ToUtf8("\x87\x40", "Shift_JIS"), "①");  // Windows-31J extension
}

TEST(ToUtf8, ReplacesBytesTheCharsetCannotMap) {
  std::vector<std::string> problems;
  const std::string text = ToUtf8("\xC4\xE3\xFF\xBA\xC3", "gbk", &problems);
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(problems.size(), 1u);
}

TEST(ToUtf8, ReplacesCodePointsUtf8DoesNotHave) {
  // Regression (fuzzer): UCS-4 above U+10FFFF made iconv write 6-byte
  // sequences.
  const std::string text = ToUtf8(std::string("\x7F\xFF\xFF\xFF\0\0\0A", 8), "ucs-4");
  EXPECT_TRUE(IsUtf8(text));
  EXPECT_EQ(text.substr(text.size() - 1), "A");
}

TEST(ToUtf8, DropsTheUtf8ByteOrderMark) { EXPECT_EQ(ToUtf8("\xEF\xBB\xBFHi", "utf-8"), "Hi"); }

TEST(ToUtf8, DecodesUtf16WithItsByteOrderMark) {
  EXPECT_EQ(ToUtf8(std::string("\xFF\xFEH\0i\0", 6), "utf-16"), "Hi");
}

}  // namespace
}  // namespace hd::mail
