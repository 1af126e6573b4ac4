#include "app/config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace hd::app {
namespace {

TEST(Config, LaterSourcesWin) {
  Config c;
  ASSERT_TRUE(ApplyYaml(c, "listen: 0.0.0.0:9000\nhttp:\n  worker_threads: 8\n", "f.yaml").ok());
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.worker_threads, 8);
  std::map<std::string, std::string> env = {{"HD_HTTP_WORKER_THREADS", "16"}};
  ASSERT_TRUE(ApplyEnvironment(c, [&](const char* name) -> const char* {
                auto it = env.find(name);
                return it == env.end() ? nullptr : it->second.c_str();
              }).ok());
  EXPECT_EQ(c.worker_threads, 16);
  ASSERT_TRUE(ApplyOverride(c, "http.worker_threads=32").ok());
  EXPECT_EQ(c.worker_threads, 32);
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
}

TEST(Config, UnknownKeysAndBadValuesNameTheKey) {
  Config c;
  auto unknown = ApplyYaml(c, "http:\n  wrker_threads: 8\n", "f.yaml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "http.wrker_threads");
  EXPECT_NE(unknown.error().message.find("f.yaml:2"), std::string::npos);
  EXPECT_EQ(ApplyOverride(c, "http.worker_threads=lots").error().field, "http.worker_threads");
  EXPECT_EQ(ApplyOverride(c, "http.worker_threads=0").error().field, "http.worker_threads");
  EXPECT_FALSE(ApplyOverride(c, "no-equals-sign").ok());
  EXPECT_FALSE(ApplyYaml(c, "listen: [unclosed", "f.yaml").ok());
}

TEST(Config, DatabaseDefaultsToSqliteInTheDataFolder) {
  Config c;
  c.data_dir = "/srv/hd";
  EXPECT_EQ(c.DatabaseUrl(), "sqlite:/srv/hd/helpdesk.db");
  c.database = "sqlite:/elsewhere.db";
  EXPECT_EQ(c.DatabaseUrl(), "sqlite:/elsewhere.db");
}

TEST(Config, EnvironmentNamesFollowTheKeys) {
  EXPECT_EQ(EnvName("http.worker_threads"), "HD_HTTP_WORKER_THREADS");
  EXPECT_EQ(EnvName("listen"), "HD_LISTEN");
}

TEST(Config, EveryKeyIsDocumented) {
  std::ifstream in("docs/configuration.md");
  ASSERT_TRUE(in) << "run from the repository root";
  std::stringstream text;
  text << in.rdbuf();
  for (const auto& spec : AllOptions()) {
    EXPECT_NE(text.str().find("`" + spec.key + "`"), std::string::npos) << spec.key;
    EXPECT_NE(text.str().find(EnvName(spec.key)), std::string::npos) << spec.key;
  }
}

}  // namespace
}  // namespace hd::app
