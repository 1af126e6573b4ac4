// Job leases: a conditional UPDATE gives the lease to exactly one instance.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

Result<bool> SqlJobRepo::ClaimLease(const std::string& name, const std::string& owner,
                                    core::Timestamp now, core::Timestamp until) {
  HD_RETURN_IF_ERROR(
      Run(conn_, "INSERT INTO jobs (name) VALUES (?) ON CONFLICT (name) DO NOTHING", name));
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "UPDATE jobs SET lease_owner = ?, lease_until = ? WHERE name = ? "
                          "AND (lease_until <= ? OR lease_owner = ?)",
                          owner, until, name, now, owner));
  return changed == 1;
}

Status SqlJobRepo::FinishRun(const std::string& name, const std::string& owner,
                             core::Timestamp now) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "UPDATE jobs SET lease_owner = '', lease_until = 0, last_run_at = ?, "
                         "runs = runs + 1 WHERE name = ? AND lease_owner = ?",
                         now, name, owner));
  return Ok();
}

}  // namespace hd::storage
