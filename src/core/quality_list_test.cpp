#include "core/quality_list.hpp"

#include <gtest/gtest.h>

namespace hd::core {
namespace {

TEST(QualityList, ReadsValuesWithTheirWeightsSkippingEmptyElements) {
  const auto list = ParseQualityList(" br;q=1.0 ,, gzip ; q=0.5, x;q=2, y;q=bogus, *;q=0");
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[0].value, "br");
  EXPECT_EQ(list[0].q, 1);
  EXPECT_EQ(list[1].value, "gzip");
  EXPECT_EQ(list[1].q, 0.5);
  EXPECT_EQ(list[2].q, 0);  // out of range
  EXPECT_EQ(list[3].q, 0);  // unreadable
  EXPECT_EQ(list[4].value, "*");
  EXPECT_EQ(list[4].q, 0);
  EXPECT_TRUE(ParseQualityList("").empty());
}

}  // namespace
}  // namespace hd::core
