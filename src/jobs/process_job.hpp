// The process job: one ProcessTimers pass (the business process's timed
// transitions) per run, repeated while a pass fires a full batch.
#pragma once

#include <chrono>

#include "jobs/scheduler.hpp"
#include "service/process_timers.hpp"

namespace hd::jobs {

Job ProcessJob(service::ProcessTimers& timers, std::chrono::seconds every);

}  // namespace hd::jobs
