// Test helper: drives one ticket through a process the way the service layer
// would, applying each Outcome to a TicketView (state, previous state, field
// changes, votes of the current round) and keeping the actions performed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "workflow/engine.hpp"

namespace hd::workflow::testing {

class ProcessWalk {
 public:
  explicit ProcessWalk(const Process& process) : process_(process) {
    ticket_.state = process.initial.id;
    ticket_.initiator = core::UserId{kInitiator};
  }

  // The ticket's customer, and the user any other role acts as by default.
  static constexpr std::int64_t kInitiator = 7;
  static constexpr std::int64_t kStaff = 100;
  static std::int64_t DefaultUser(core::Role role) {
    return role == core::Role::kCustomer ? kInitiator : kStaff;
  }

  // Fires `transition` as a user of `role` (by default the initiator for a
  // customer); a failure fails the test.
  const Outcome& Do(const std::string& transition, core::Role role, FieldValues inputs = {},
                    std::int64_t user = 0) {
    auto outcome = Try(transition, role, std::move(inputs), user);
    if (!outcome.ok()) {
      ADD_FAILURE() << transition << " from " << ticket_.state << ": " << outcome.error().message;
      last_ = Outcome{};
      return last_;
    }
    Apply(*outcome);
    return last_;
  }

  // Fires without applying: for the refusals.
  Result<Outcome> Try(const std::string& transition, core::Role role, FieldValues inputs = {},
                      std::int64_t user = 0) const {
    return Fire(process_, ticket_, Actor{core::UserId{user != 0 ? user : DefaultUser(role)}, role},
                FireRequest{transition, std::move(inputs), now_});
  }

  // Fires a timed transition as the scheduler would.
  const Outcome& Timer(const std::string& transition) {
    auto outcome = FireAutomatic(process_, ticket_, transition, now_);
    if (!outcome.ok()) {
      ADD_FAILURE() << transition << ": " << outcome.error().message;
      return last_;
    }
    Apply(*outcome);
    return last_;
  }

  void Apply(const Outcome& outcome) {
    for (const FieldChange& c : outcome.changes) ticket_.fields[c.field] = c.new_value;
    if (outcome.state_changed()) {
      ticket_.previous_state = outcome.from;
      ticket_.state = outcome.to;
      ticket_.votes.clear();
    } else if (outcome.vote) {
      ticket_.votes.push_back(*outcome.vote);
    }
    last_ = outcome;
  }

  std::vector<std::string> Available(core::Role role) const {
    std::vector<std::string> ids;
    for (const auto& t : AvailableTransitions(process_, ticket_,
                                              Actor{core::UserId{DefaultUser(role)}, role}, now_)) {
      ids.push_back(t.id);
    }
    return ids;
  }

  void Advance(std::chrono::hours hours) { now_ += hours; }
  const std::string& state() const { return ticket_.state; }
  std::string field(const std::string& name) const {
    auto it = ticket_.fields.find(name);
    return it == ticket_.fields.end() ? std::string() : it->second;
  }
  TicketView& ticket() { return ticket_; }
  core::Timestamp now() const { return now_; }

 private:
  const Process& process_;
  TicketView ticket_;
  core::Timestamp now_ = core::FromUnixMillis(1'767'000'000'000);  // 2025-12-29T09:20:00Z
  Outcome last_;
};

// True when `outcome` performs an action of `kind` aimed at `target_id`
// (a role, group or template id).
inline bool Performs(const Outcome& outcome, ActionKind kind, const std::string& target_id = {}) {
  for (const Action& a : outcome.actions) {
    if (a.kind != kind) continue;
    if (target_id.empty() || a.target.id == target_id || a.template_id == target_id) return true;
  }
  return false;
}

inline bool Performs(const Outcome& outcome, SlaOp op) {
  for (const Action& a : outcome.actions) {
    if (a.kind == ActionKind::kSla && a.sla == op) return true;
  }
  return false;
}

}  // namespace hd::workflow::testing
