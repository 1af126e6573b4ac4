// The SLA job: one SlaMonitor pass (warnings, breaches, escalation) per run,
// repeated while a pass finds a full batch.
#pragma once

#include <chrono>

#include "jobs/scheduler.hpp"
#include "service/sla_alerts.hpp"

namespace hd::jobs {

Job SlaJob(service::SlaMonitor& monitor, std::chrono::seconds every);

}  // namespace hd::jobs
