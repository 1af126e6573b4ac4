// AuditLog: the administrators' view of the audit log (GET
// /api/v1/admin/audit): every administrative change with who made it, when,
// and what it changed from what to what, newest first, filtered and paged by
// id. Administrators only. Thread-safe; blocking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"

namespace hd::service {

struct AuditRow {
  core::ports::AuditEntry entry;
  std::string actor_email;  // empty for the command line (or a user since removed)
};

// Who acts, for the audit log: the administrator, or none for the command
// line.
inline std::optional<core::UserId> ActorId(const std::optional<Actor>& actor) {
  return actor ? std::optional(actor->id) : std::nullopt;
}

// Records field: before -> after in `changes` when they differ.
inline void Diff(std::vector<core::ports::AuditChange>& changes, std::string field,
                 const std::string& before, const std::string& after) {
  if (before != after) changes.push_back({std::move(field), before, after});
}

class AuditLog {
 public:
  explicit AuditLog(core::ports::Store& store) : store_(store) {}

  // kInvalidArgument naming "limit" (1..1000), "action" or "subject" (at
  // most 200 characters), "to" (not after "from").
  Result<std::vector<AuditRow>> List(const std::optional<Actor>& actor,
                                     const core::ports::AuditQuery& query);

 private:
  core::ports::Store& store_;
};

}  // namespace hd::service
