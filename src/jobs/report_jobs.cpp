#include "jobs/report_jobs.hpp"

#include <spdlog/spdlog.h>

namespace hd::jobs {

Job BacklogJob(service::BacklogSnapshots& snapshots, std::chrono::seconds every) {
  return Job{"backlog", every, [&snapshots]() -> Status {
               HD_ASSIGN_OR_RETURN(int days, snapshots.Run());
               if (days > 0) spdlog::info("backlog: {} days counted", days);
               return Ok();
             }};
}

}  // namespace hd::jobs
