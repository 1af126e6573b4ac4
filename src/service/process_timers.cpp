#include "service/process_timers.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace hd::service {

using core::ports::Tx;

namespace {

struct Due {
  core::TicketId ticket;
  std::string state;
};

std::chrono::hours AfterOf(const workflow::Transition& t) {
  return std::chrono::hours(t.auto_after_hours);
}

// The timed transitions leaving `state`, the soonest first.
std::vector<const workflow::Transition*> Timed(const workflow::Process& process,
                                               const std::string& state) {
  auto timed = workflow::AutomaticTransitions(process, state);
  std::stable_sort(timed.begin(), timed.end(), [](const auto* a, const auto* b) {
    return a->auto_after_hours < b->auto_after_hours;
  });
  return timed;
}

// The tickets of one process version waiting long enough in a timed state.
Status CollectDue(Tx& tx, const workflow::Process& process, core::Timestamp now, int batch,
                  std::vector<Due>& out) {
  for (const workflow::State& state : process.states) {
    const auto timed = Timed(process, state.id);
    if (timed.empty()) continue;
    HD_ASSIGN_OR_RETURN(auto tickets,
                        tx.Processes().ListEnteredBefore(process.id, process.version, state.id,
                                                         now - AfterOf(*timed.front()), batch));
    for (core::TicketId id : tickets) out.push_back({id, state.id});
  }
  return Ok();
}

}  // namespace

Result<TimerScan> ProcessTimers::RunOnce(int batch) {
  const auto now = clock_.Now();
  std::vector<Due> due;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    due.clear();
    HD_ASSIGN_OR_RETURN(auto versions, tx.Processes().ListVersions());
    for (const core::ProcessVersion& v : versions) {
      HD_ASSIGN_OR_RETURN(ProcessPtr process, engine_.catalog().Get(tx, v.process_id, v.version));
      HD_RETURN_IF_ERROR(CollectDue(tx, *process, now, batch, due));
    }
    return Ok();
  }));
  TimerScan scan;
  scan.due = static_cast<int>(due.size());
  for (const Due& d : due) {
    auto fired = FireDue(d.ticket, d.state, now);
    if (!fired.ok()) {
      scan.failures.push_back("ticket " + std::to_string(d.ticket.value) + ": " +
                              fired.error().message);
    } else if (*fired) {
      ++scan.fired;
    }
  }
  return scan;
}

Result<bool> ProcessTimers::FireDue(core::TicketId id, const std::string& state,
                                    core::Timestamp now) {
  bool fired = false;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    fired = false;
    HD_ASSIGN_OR_RETURN(auto running, engine_.Load(tx, id));
    if (running.state.state != state) return Ok();  // moved on since it was listed
    HD_ASSIGN_OR_RETURN(core::Ticket ticket, tx.Tickets().Get(id));
    for (const workflow::Transition* t : Timed(*running.process, state)) {
      if (running.state.entered_at + AfterOf(*t) > now) break;
      Status status = engine_.FireTimed(tx, ticket, t->id, now);
      if (status.ok()) {
        fired = true;
        return Ok();
      }
      if (status.error().reason != "guard-failed") return status;
    }
    return Ok();
  }));
  return fired;
}

}  // namespace hd::service
