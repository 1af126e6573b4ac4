// The queues of an agent's desk: named ticket lists that depend on the
// role, each with how many tickets it holds. Assigned to me, my group,
// unassigned, per tier, breaching soon, and from the business process the
// states the role owns: "awaiting my vote" for the RfC board (the approval
// rounds it has not voted in), a queue per state for the others ("Incident
// fix to verify" for testers, "Change verified, to deploy" for IT
// operators). GET /api/v1/tickets?queue=<id> lists a queue.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/process_engine.hpp"

namespace hd::service {

// What a queue holds, as filters of a ticket listing.
struct QueueDef {
  std::string id;
  std::string label;  // in the actor's language
  std::vector<core::TicketStatus> statuses;
  bool mine = false;        // assigned to the actor
  bool unassigned = false;  // assigned to nobody
  std::optional<int> tier;
  // The groups the actor is a member of, or when none `group`.
  bool my_groups = false;
  std::string group;                // group slug
  std::vector<std::string> states;  // process states
  bool not_voted = false;           // rounds the actor has not voted in
  bool breaching = false;           // due within kBreachingSoon, or overdue
};

struct QueueCount {
  std::string id;
  std::string label;
  std::int64_t count = 0;
};

// "Breaching soon": an SLA clock due within this time (or overdue).
inline constexpr std::chrono::hours kBreachingSoon{2};

// The queues of `actor`, in the order a desk shows them; none for customers.
std::vector<QueueDef> QueuesOf(const Actor& actor, const ProcessEngine& processes);

// Narrows `query` to `queue` as `actor` sees it at `now`. kInvalidArgument
// naming "queue" when the queue's group is gone.
Status NarrowToQueue(core::ports::Tx& tx, const Actor& actor, const QueueDef& queue,
                     core::Timestamp now, core::ports::TicketQuery& query);

// The actor's queue `id`; kInvalidArgument naming "queue" when they have none.
Result<QueueDef> FindQueue(const Actor& actor, const ProcessEngine& processes, std::string_view id);

class Queues {
 public:
  Queues(core::ports::Store& store, const ProcessEngine& processes, const core::Clock& clock)
      : store_(store), processes_(processes), clock_(clock) {}

  // The actor's queues with their counts (of the tickets they may read).
  // kForbidden for customers.
  Result<std::vector<QueueCount>> Counts(const Actor& actor);

 private:
  core::ports::Store& store_;
  const ProcessEngine& processes_;
  const core::Clock& clock_;
};

}  // namespace hd::service
