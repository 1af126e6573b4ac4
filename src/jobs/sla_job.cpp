#include "jobs/sla_job.hpp"

#include <spdlog/spdlog.h>

namespace hd::jobs {

Job SlaJob(service::SlaMonitor& monitor, std::chrono::seconds every) {
  constexpr int kBatch = 200;
  return Job{"sla", every, [&monitor]() -> Status {
               for (;;) {
                 HD_ASSIGN_OR_RETURN(service::SlaScan scan, monitor.RunOnce(kBatch));
                 for (const std::string& failure : scan.failures) {
                   spdlog::warn("sla: skipped until the next run: {}", failure);
                 }
                 if (scan.warnings + scan.breaches > 0) {
                   spdlog::info("sla: {} warnings, {} breaches raised", scan.warnings,
                                scan.breaches);
                 }
                 // A full batch means more may be due, unless every ticket
                 // in it failed (those wait for the next run).
                 if (scan.examined < kBatch || scan.failed == scan.examined) return Ok();
               }
             }};
}

Job SlaPolicyJob(service::SlaLevels& levels, std::chrono::seconds every) {
  Job job{"sla-policy", every, [&levels]() -> Status {
            HD_ASSIGN_OR_RETURN(bool reloaded, levels.Refresh());
            if (reloaded) spdlog::info("sla: levels and calendars reloaded");
            return Ok();
          }};
  job.every_instance = true;
  return job;
}

}  // namespace hd::jobs
