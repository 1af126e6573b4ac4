// Loading the SLA catalogue (levels.yaml and calendars/ under config_dir)
// into the use cases, and the background jobs `helpdesk serve` runs.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "app/mail_channel.hpp"
#include "app/runtime.hpp"
#include "core/error.hpp"
#include "jobs/scheduler.hpp"

namespace hd::app {

// Reads <config_dir>/levels.yaml and every <config_dir>/calendars/*.json
// definition (holiday sources from the same folder) and hands them to
// SlaLevels::Load. kInvalidArgument naming the file at fault.
Status LoadSlaDefaults(const Config& config, Runtime& runtime);

// The scheduler, started: the SLA policy check on this instance (every
// sla.policy_check_seconds) and, when jobs.enabled, the SLA job (every
// jobs.sla_interval_seconds, one instance at a time).
// `mail` (may be null) adds the mailbox and sending jobs.
Result<std::unique_ptr<jobs::Scheduler>> StartJobs(const Config& config, Runtime& runtime,
                                                   MailChannel* mail = nullptr);

}  // namespace hd::app
