#include "http/query.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hd::http {
namespace {

TEST(Cursor, RoundTripsAnId) {
  for (std::int64_t id : std::vector<std::int64_t>{1, 42, 1234567890123, INT64_MAX}) {
    auto decoded = DecodeCursor(EncodeCursor(id));
    ASSERT_TRUE(decoded.ok()) << id;
    EXPECT_EQ(*decoded, id);
  }
}

TEST(Cursor, IsOpaqueUrlSafeText) {
  std::string cursor = EncodeCursor(1042);
  EXPECT_EQ(cursor.find("1042"), std::string::npos);
  EXPECT_EQ(
      cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
}

TEST(Cursor, RejectsForeignTextNamingCursor) {
  for (const std::string& bad :
       std::vector<std::string>{"garbage!", "", "MTA0Mg", Base64UrlEncode("c1:0"),
                                Base64UrlEncode("c1:-5"), Base64UrlEncode("c1:12x")}) {
    auto decoded = DecodeCursor(bad);
    ASSERT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(decoded.error().field, "cursor");
  }
}

TEST(Base64Url, MatchesRfc4648Vectors) {
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("foob"), "Zm9vYg");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64UrlDecode("Zm9vYmE"), "fooba");
  EXPECT_FALSE(Base64UrlDecode("Zh").has_value());  // non-zero padding bits
  EXPECT_FALSE(Base64UrlDecode("Z").has_value());
}

TEST(Query, DecodesPercentAndPlus) {
  auto params = ParseQuery("status=new%2Copen&group=first+line&flag");
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(params->Get("status"), "new,open");
  EXPECT_EQ(params->Get("group"), "first line");
  EXPECT_EQ(params->Get("flag"), "");
  EXPECT_FALSE(params->Get("missing").has_value());
}

TEST(Query, IntegerParameterNamesItsField) {
  EXPECT_EQ(*ParseIntParam("25", "limit", 1, 100), 25);
  for (std::string_view bad : {"0", "101", "ten", "", "5x"}) {
    auto value = ParseIntParam(bad, "limit", 1, 100);
    ASSERT_FALSE(value.ok()) << bad;
    EXPECT_EQ(value.error().field, "limit");
  }
}

}  // namespace
}  // namespace hd::http
