// Use-case tests with the shipped support levels and calendars loaded
// (config/defaults, read from the source tree the tests run in), and helpers
// for licences, partners and clock times in Moscow.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "env.hpp"
#include "service/sla_levels.hpp"

namespace hd::testing {

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shipped catalogue as app/ hands it to SlaLevels::Load.
inline service::SlaSources DefaultSlaSources() {
  const std::string dir = "config/defaults/";
  service::SlaSources sources;
  sources.levels_yaml = ReadText(dir + "levels.yaml");
  for (const char* id : {"ru-business", "24x7"}) {
    sources.calendars[id] = ReadText(dir + "calendars/" + id + ".json");
  }
  sources.read_source = [dir](const std::string& name) -> Result<std::string> {
    const std::string path = dir + "calendars/" + name;
    if (!std::ifstream(path)) return Error::NotFound("no file " + path);
    return ReadText(path);
  };
  return sources;
}

class SlaTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    ASSERT_TRUE(s_->sla_levels.Load(DefaultSlaSources()).ok());
    admin_ = Make("admin@example.com", core::Role::kAdministrator);
    agent_ = Make("agent@example.com", core::Role::kL1Operator);
  }

  // Moscow wall-clock time (UTC+3 all year) as an instant.
  static core::Timestamp Msk(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    using namespace std::chrono;
    return core::Timestamp(sys_days(year(y) / month(m) / day(d)) + hours(hour - 3) +
                           minutes(minute));
  }

  service::LicenceOutcome AddLicence(const std::string& email, const std::string& edition,
                                     const std::string& activated,
                                     const std::string& support = "standard") {
    service::LicenceInput in;
    in.holder.user_email = email;
    in.edition = edition;
    in.activated = activated;
    in.support = support;
    auto out = s_->licences.Add(admin_, in);
    EXPECT_TRUE(out.ok()) << out.error().message;
    return out.ok() ? *out : service::LicenceOutcome{};
  }

  Result<service::CreatedTicket> OpenWith(const service::Actor& who, const std::string& coupon) {
    auto in = Input();
    in.coupon = coupon;
    return s_->tickets.Create(who, in);
  }

  service::Actor admin_;
  service::Actor agent_;
};

}  // namespace hd::testing
