// Reports: SLA figures per support level, per agent (who gave the first
// response) or per tier, over tickets opened in a period. Staff only.
// Thread-safe; blocking.
//
// First-response time is measured in working hours of the ticket's calendar
// from opening to the first public staff reply, without the time the ticket
// waited for the customer (the pauses of its SLA clock); "within target"
// compares that reply with the stored due instant, which skips the same
// pauses. Tickets still unanswered count
// as missed once their due instant has passed and are left out of the share
// before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/sla_policy.hpp"

namespace hd::service {

struct SlaReportInput {
  std::string from;          // YYYY-MM-DD (inclusive, UTC)
  std::string to;            // YYYY-MM-DD (exclusive, UTC)
  std::string by = "level";  // level | agent | tier
};

struct SlaReportRow {
  std::string key;  // level id, agent e-mail ("" = nobody answered), or "1".."3"
  std::int64_t tickets = 0;
  std::int64_t answered = 0;
  double avg_first_response_hours = 0;  // over answered tickets
  double max_first_response_hours = 0;
  std::int64_t met = 0;      // answered by the due instant
  std::int64_t missed = 0;   // answered late, or unanswered past due
  double within_target = 0;  // met / (met + missed); 0 when both are 0
};

class Reports {
 public:
  Reports(core::ports::Store& store, const SlaPolicy& policy, const core::Clock& clock)
      : store_(store), policy_(policy), clock_(clock) {}

  // kForbidden for customers; kInvalidArgument naming "from", "to" or "by".
  Result<std::vector<SlaReportRow>> Sla(const Actor& actor, const SlaReportInput& input);

 private:
  core::ports::Store& store_;
  const SlaPolicy& policy_;
  const core::Clock& clock_;
};

}  // namespace hd::service
