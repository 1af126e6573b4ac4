#include "mail/mime/transfer_encoding.hpp"

#include <gtest/gtest.h>

namespace hd::mail {
namespace {

std::string Base64(std::string_view text, bool* clean_out = nullptr) {
  bool clean = false;
  std::string out = DecodeBase64(text, clean);
  if (clean_out != nullptr) *clean_out = clean;
  return out;
}

TEST(DecodeBase64, DecodesPaddedAndFoldedText) {
  bool clean = false;
  EXPECT_EQ(Base64("SGVsbG8g\r\nd29ybGQ=\r\n", &clean), "Hello world");
  EXPECT_TRUE(clean);
  EXPECT_EQ(Base64("SGk="), "Hi");
  EXPECT_EQ(Base64("SGk"), "Hi");  // padding missing
  EXPECT_EQ(Base64(""), "");
}

TEST(DecodeBase64, IgnoresCharactersOutsideTheAlphabetAndSaysSo) {
  bool clean = true;
  EXPECT_EQ(Base64("SGVs!bG8g*d29y#bGQ=", &clean), "Hello world");
  EXPECT_FALSE(clean);
}

TEST(DecodeBase64, ReadsStreamsGluedTogether) {
  bool clean = true;
  EXPECT_EQ(Base64("SGk=\r\nSGk=\r\n", &clean), "HiHi");
  EXPECT_FALSE(clean);
}

TEST(DecodeBase64, SaysSoWhenAGroupIsCutShort) {
  bool clean = true;
  EXPECT_EQ(Base64("SGk=S", &clean), "Hi");
  EXPECT_FALSE(clean);
}

TEST(DecodeQuotedPrintable, DecodesBytesAndSoftBreaks) {
  EXPECT_EQ(DecodeQuotedPrintable("=D0=9F=d1=80=\r\n=D0=B8 a=3Db"), "При a=b");
  EXPECT_EQ(DecodeQuotedPrintable("long =  \r\nline"), "long line");
}

TEST(DecodeQuotedPrintable, KeepsLineBreaksAndDropsTrailingBlanks) {
  EXPECT_EQ(DecodeQuotedPrintable("one  \r\ntwo\t\nthree"), "one\r\ntwo\nthree");
  EXPECT_EQ(DecodeQuotedPrintable("a  b"), "a  b");
}

TEST(DecodeQuotedPrintable, KeepsBrokenEscapesAsWritten) {
  EXPECT_EQ(DecodeQuotedPrintable("100% =ZZ done="), "100% =ZZ done");
  EXPECT_EQ(DecodeQuotedPrintable("x=4"), "x=4");
}

}  // namespace
}  // namespace hd::mail
