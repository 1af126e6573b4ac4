// Serialize: numbers with a fraction read as people write them, the rest
// as Boost.JSON writes it.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cmath>
#include <limits>

#include "http/json/encode.hpp"

namespace hd::http::json {
namespace {

TEST(Serialize, WritesFractionsAsShortestDecimalsWithoutExponents) {
  boost::json::object o{{"share", 1.0 / 12.0},
                        {"half", 0.5},
                        {"zero", 0.0},
                        {"whole", 29.0},
                        {"count", 7},
                        {"big", 1.5e300},
                        {"name", "Анна \"A\"\n\t\x01"},
                        {"list", boost::json::array{0.25, true, nullptr}}};
  const std::string text = Serialize(o);
  EXPECT_EQ(text,
            "{\"share\":0.08333333333333333,\"half\":0.5,\"zero\":0,\"whole\":29,\"count\":7,"
            "\"big\":1.5e+300,\"name\":\"Анна \\\"A\\\"\\n\\t\\u0001\",\"list\":[0.25,true,null]}");
  // Reads back the same numbers (whole ones as integers).
  const boost::json::value back = boost::json::parse(text);
  EXPECT_EQ(back.at("share").as_double(), 1.0 / 12.0);
  EXPECT_EQ(back.at("big").as_double(), 1.5e300);
  EXPECT_EQ(back.at("whole").to_number<double>(), 29.0);
  EXPECT_EQ(back.at("name").as_string(), o.at("name").as_string());
}

TEST(Serialize, WritesNonFiniteNumbersAsNull) {
  boost::json::object o{{"nan", std::nan("")}, {"inf", std::numeric_limits<double>::infinity()}};
  EXPECT_EQ(Serialize(o), "{\"nan\":null,\"inf\":null}");
}

TEST(Serialize, LeavesValuesWithoutFractionsToBoost) {
  boost::json::object o{{"id", 12}, {"text", "x"}, {"ok", false}};
  EXPECT_EQ(Serialize(o), "{\"id\":12,\"text\":\"x\",\"ok\":false}");
}

}  // namespace
}  // namespace hd::http::json
