#include "service/job_leases.hpp"

namespace hd::service {

Result<bool> JobLeases::Claim(const std::string& job, const std::string& owner,
                              std::chrono::seconds ttl) {
  bool claimed = false;
  HD_RETURN_IF_ERROR(store_.Write([&](core::ports::Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(claimed, tx.Jobs().ClaimLease(job, owner, now, now + ttl));
    return Ok();
  }));
  return claimed;
}

Status JobLeases::Release(const std::string& job, const std::string& owner) {
  return store_.Write(
      [&](core::ports::Tx& tx) { return tx.Jobs().FinishRun(job, owner, clock_.Now()); });
}

}  // namespace hd::service
