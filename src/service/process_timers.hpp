// ProcessTimers: the use case behind the process job. It fires the timed
// transitions of the business process (`auto_after_hours`: a FAQ answer
// closed unless the customer objects, a solution confirmed for a silent
// customer, a ticket closed when the customer never answered, a deployed
// change closed) once they are due, as the system, with history events.
//
// Each ticket fires in its own transaction, so one failing ticket does not
// hold back the others and is tried again on the next run. A firing checks
// the ticket's state and version inside its transaction: when several
// instances run at once, each due firing happens exactly once (the others
// find the ticket moved on and skip it).
//
// Thread-safe; blocking (call from the job thread or a worker).
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/process_engine.hpp"

namespace hd::service {

struct TimerScan {
  int due = 0;    // tickets found waiting long enough in a state with timed transitions
  int fired = 0;  // timed transitions fired
  // Tickets whose firing failed, "ticket <id>: <why>"; tried again next run.
  std::vector<std::string> failures;
};

class ProcessTimers {
 public:
  ProcessTimers(core::ports::Store& store, const ProcessEngine& engine, const core::Clock& clock)
      : store_(store), engine_(engine), clock_(clock) {}

  // One pass over every stored process version: fires the timed transitions
  // due now, at most `batch` tickets per state. kUnavailable when the
  // tickets cannot be listed; per-ticket errors are listed in `failures`.
  Result<TimerScan> RunOnce(int batch);

 private:
  // Fires the first due timed transition leaving `state` whose guard holds;
  // false when the ticket left the state meanwhile or none applies.
  Result<bool> FireDue(core::TicketId ticket, const std::string& state, core::Timestamp now);

  core::ports::Store& store_;
  const ProcessEngine& engine_;
  const core::Clock& clock_;
};

}  // namespace hd::service
