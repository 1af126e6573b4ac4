// The default business process over the real SQLite store, for use-case
// tests: support.yaml and its reply templates loaded, the staff groups its
// roles route to, a customer, an L1 operator and an incident manager.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "env.hpp"

namespace hd::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos)) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

class Process : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    for (const char* slug : {"incidents", "it-operations", "development", "content"}) {
      ASSERT_TRUE(s_->directory.AddGroup(std::nullopt, {{}, slug, slug, 2}).ok());
    }
    yaml_ = ReadFile("config/defaults/processes/support.yaml");
    ASSERT_FALSE(yaml_.empty()) << "run from the source folder";
    auto loaded = s_->process_admin.Load(std::nullopt, yaml_, "support.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    std::map<std::string, std::string, std::less<>> texts;
    for (const auto& entry : std::filesystem::directory_iterator("config/defaults/templates")) {
      if (entry.path().extension() != ".txt") continue;
      texts[entry.path().stem().string()] = ReadFile(entry.path().string());
    }
    s_->processes.SetTemplates(service::TemplateSet(std::move(texts)));
    anna_ = Make("anna@example.com");
    l1_ = Make("l1@example.com", core::Role::kL1Operator);
    manager_ = Make("im@example.com", core::Role::kIncidentManager);
  }

  Result<core::Ticket> Fire(const service::Actor& who, const core::Ticket& t,
                            const std::string& transition, workflow::FieldValues fields = {}) {
    return s_->transitions.Fire(who, t.id, {transition, std::move(fields), "", std::nullopt});
  }

  core::Ticket MustFire(const service::Actor& who, const core::Ticket& t,
                        const std::string& transition, workflow::FieldValues fields = {}) {
    auto fired = Fire(who, t, transition, std::move(fields));
    EXPECT_TRUE(fired.ok()) << transition << ": " << fired.error().message;
    return fired.ok() ? *fired : t;
  }

  // Takes a new ticket through L1 and the incident manager's classification
  // as a request for change, to the board's review.
  core::Ticket ToRfcReview(const core::Ticket& opened, const std::string& escalation_reason) {
    auto t = MustFire(l1_, opened, "take_technical");
    t = MustFire(l1_, t, "escalate", {{"escalation_reason", escalation_reason}});
    return MustFire(manager_, t, "classify_rfc",
                    {{"complexity", "low"},
                     {"criticality", "normal"},
                     {"category", "ui"},
                     {"planned_effort", "8"},
                     {"expected_resolution", "2026-02-01"}});
  }

  std::vector<core::Event> History(const core::Ticket& t) {
    return s_->conversation.History(l1_, t.id).value();
  }

  std::string yaml_;
  service::Actor anna_, l1_, manager_;
};

}  // namespace hd::testing
