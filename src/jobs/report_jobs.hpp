// The reports' job: counts the backlog of each day that has ended
// (service::BacklogSnapshots), on one instance at a time.
#pragma once

#include <chrono>

#include "jobs/scheduler.hpp"
#include "service/reports/backlog_snapshots.hpp"

namespace hd::jobs {

Job BacklogJob(service::BacklogSnapshots& snapshots, std::chrono::seconds every);

}  // namespace hd::jobs
