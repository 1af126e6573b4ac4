// The SLA job: one SlaMonitor pass (warnings, breaches, escalation) per run,
// repeated while a pass finds a full batch; and the SLA policy check.
#pragma once

#include <chrono>

#include "jobs/scheduler.hpp"
#include "service/sla_alerts.hpp"
#include "service/sla_levels.hpp"

namespace hd::jobs {

Job SlaJob(service::SlaMonitor& monitor, std::chrono::seconds every);

// Every instance: reloads the SLA levels and calendars when another instance
// changed them (service::SlaLevels::Refresh).
Job SlaPolicyJob(service::SlaLevels& levels, std::chrono::seconds every);

}  // namespace hd::jobs
