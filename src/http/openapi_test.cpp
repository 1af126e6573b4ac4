// docs/openapi.yaml documents exactly the routes the server answers.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "http/api.hpp"

namespace hd::http {
namespace {

using RouteSet = std::set<std::pair<std::string, std::string>>;

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// Tests run from the source root (gtest_discover_tests WORKING_DIRECTORY).
RouteSet DocumentedRoutes() {
  static const std::set<std::string> kMethods = {"get",   "put",     "post", "delete",
                                                 "patch", "options", "head", "trace"};
  YAML::Node document = YAML::LoadFile("docs/openapi.yaml");
  RouteSet routes;
  for (const auto& path : document["paths"]) {
    for (const auto& operation : path.second) {
      const auto key = operation.first.as<std::string>();
      if (kMethods.count(key) > 0) routes.emplace(Upper(key), path.first.as<std::string>());
    }
  }
  return routes;
}

TEST(OpenApi, IsVersion31) {
  YAML::Node document = YAML::LoadFile("docs/openapi.yaml");
  EXPECT_EQ(document["openapi"].as<std::string>().rfind("3.1", 0), 0u);
}

TEST(OpenApi, DocumentsExactlyTheRouterTable) {
  const auto table = Api::RouteTable();
  const RouteSet served(table.begin(), table.end());
  ASSERT_EQ(served.size(), table.size()) << "duplicate route in the table";
  const RouteSet documented = DocumentedRoutes();
  for (const auto& route : served) {
    EXPECT_TRUE(documented.count(route)) << "undocumented: " << route.first << " " << route.second;
  }
  for (const auto& route : documented) {
    EXPECT_TRUE(served.count(route)) << "not served: " << route.first << " " << route.second;
  }
}

}  // namespace
}  // namespace hd::http
