// SlaMonitor: the use case behind the SLA job. Each pass claims the clocks
// whose next alert is due, raises a warning (at the level's warning share of
// a target) and a breach (at 100 %) - each once per ticket and target, made
// idempotent by a unique constraint so that instances racing on one database
// never raise one twice - appends it to the ticket's history, queues a
// notification and, on a breach, applies the level's escalation (move to a
// group, raise the criticality). No alert is raised outside the calendar's
// working time (a 24/7 calendar is always working): it waits for the next
// opening. Thread-safe; blocking.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/sla_clocks.hpp"

namespace hd::service {

struct SlaScan {
  int examined = 0;  // clocks claimed
  int warnings = 0;  // warnings raised
  int breaches = 0;  // breaches raised
  int deferred = 0;  // alerts held back until working time
};

class SlaMonitor {
 public:
  SlaMonitor(core::ports::Store& store, const SlaClocks& clocks, const core::Clock& clock)
      : store_(store), clocks_(clocks), clock_(clock) {}

  // One pass over at most `batch` due clocks, in one write transaction.
  Result<SlaScan> RunOnce(int batch = 200);

 private:
  core::ports::Store& store_;
  const SlaClocks& clocks_;
  const core::Clock& clock_;
};

}  // namespace hd::service
