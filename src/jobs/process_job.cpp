#include "jobs/process_job.hpp"

#include <spdlog/spdlog.h>

namespace hd::jobs {

Job ProcessJob(service::ProcessTimers& timers, std::chrono::seconds every) {
  constexpr int kBatch = 200;
  constexpr int kMaxPasses = 50;  // a bound, should a ticket keep coming back due
  return Job{"process", every, [&timers]() -> Status {
               for (int pass = 0; pass < kMaxPasses; ++pass) {
                 HD_ASSIGN_OR_RETURN(service::TimerScan scan, timers.RunOnce(kBatch));
                 for (const auto& failure : scan.failures) {
                   spdlog::warn("process: timed transition failed: {}", failure);
                 }
                 if (scan.fired > 0)
                   spdlog::info("process: {} timed transitions fired", scan.fired);
                 if (scan.fired < kBatch) return Ok();
               }
               return Ok();
             }};
}

}  // namespace hd::jobs
