// The demo help desk: a user for every role, companies, customers and tickets
// in different states with conversations, created through the use cases so
// that history and permissions are real. Idempotent: a database that has the
// demo administrator already is left as it is.
#pragma once

#include <string>
#include <vector>

#include "app/runtime.hpp"

namespace hd::app {

struct DemoLogin {
  std::string email;
  std::string role;
  std::string password;
};

inline constexpr const char* kDemoPassword = "demo-password";

// Seeds the demo data (unless present) and returns the logins to print.
Result<std::vector<DemoLogin>> SeedDemo(Runtime& runtime);

}  // namespace hd::app
