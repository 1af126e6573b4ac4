#include "jobs/sla_job.hpp"

#include <spdlog/spdlog.h>

namespace hd::jobs {

Job SlaJob(service::SlaMonitor& monitor, std::chrono::seconds every) {
  constexpr int kBatch = 200;
  return Job{"sla", every, [&monitor]() -> Status {
               for (;;) {
                 HD_ASSIGN_OR_RETURN(service::SlaScan scan, monitor.RunOnce(kBatch));
                 if (scan.warnings + scan.breaches > 0) {
                   spdlog::info("sla: {} warnings, {} breaches raised", scan.warnings,
                                scan.breaches);
                 }
                 if (scan.examined < kBatch) return Ok();
               }
             }};
}

}  // namespace hd::jobs
