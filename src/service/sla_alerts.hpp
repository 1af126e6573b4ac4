// SlaMonitor: the use case behind the SLA job. Each pass claims the clocks
// whose next alert is due, raises a warning (at the level's warning share of
// a target) and a breach (at 100 %) - each once per ticket and target, made
// idempotent by a unique constraint so that instances racing on one database
// never raise one twice - appends it to the ticket's history, queues a
// notification and, on a breach, applies the level's escalation (move to a
// group, raise the criticality). No alert is raised outside the calendar's
// working time (a 24/7 calendar is always working): it waits for the next
// opening. Each pass also gives up to a batch of clocks stored before
// reports kept working times theirs (once per ticket and process). Thread-safe;
// blocking.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/sla_clocks.hpp"

namespace hd::service {

struct SlaScan {
  int examined = 0;                   // clocks claimed
  int warnings = 0;                   // warnings raised
  int breaches = 0;                   // breaches raised
  int deferred = 0;                   // alerts held back until working time
  int failed = 0;                     // tickets whose work failed; retried on the next pass
  int backfilled = 0;                 // older clocks given their working times
  std::vector<std::string> failures;  // "ticket 12: why", one per failed ticket
};

class SlaMonitor {
 public:
  SlaMonitor(core::ports::Store& store, const SlaClocks& clocks, const core::Clock& clock)
      : store_(store), clocks_(clocks), clock_(clock) {}

  // One pass over at most `batch` due clocks, in one write transaction with
  // a savepoint per ticket: a ticket whose work fails (a broken row, a
  // constraint) is logged, counted in `failed` and left due, while the others
  // commit. An error only when the transaction itself fails.
  Result<SlaScan> RunOnce(int batch = 200);

 private:
  // Raises the due alerts of one claimed clock, or defers them to the next
  // opening of its calendar.
  Status Examine(core::ports::Tx& tx, core::TicketSla& clock, core::Timestamp now, SlaScan& scan);

  core::ports::Store& store_;
  const SlaClocks& clocks_;
  const core::Clock& clock_;
  // The last ticket the backfill of working times looked at.
  std::atomic<std::int64_t> backfilled_up_to_{0};
};

}  // namespace hd::service
