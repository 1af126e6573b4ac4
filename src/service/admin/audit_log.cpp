#include "service/admin/audit_log.hpp"

#include <map>

#include "service/licences.hpp"
#include "service/validation.hpp"

namespace hd::service {

Result<std::vector<AuditRow>> AuditLog::List(const std::optional<Actor>& actor,
                                             const core::ports::AuditQuery& query) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  if (query.limit < 1 || query.limit > 1000) {
    return Error::InvalidArgument("limit must be 1 to 1000", "limit");
  }
  HD_RETURN_IF_ERROR(CheckText(query.action, "action", 200, false));
  HD_RETURN_IF_ERROR(CheckText(query.subject, "subject", 200, false));
  if (query.from && query.to && *query.to <= *query.from) {
    return Error::InvalidArgument("to must be after from", "to");
  }
  std::vector<AuditRow> out;
  HD_RETURN_IF_ERROR(store_.Read([&](core::ports::Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto entries, tx.Audit().List(query));
    std::map<std::int64_t, std::string> emails;
    for (auto& entry : entries) {
      AuditRow row{std::move(entry), {}};
      if (row.entry.actor_id) {
        const std::int64_t id = row.entry.actor_id->value;
        auto it = emails.find(id);
        if (it == emails.end()) {
          auto user = tx.Users().Get(*row.entry.actor_id);
          it = emails.emplace(id, user.ok() ? user->email : std::string()).first;
        }
        row.actor_email = it->second;
      }
      out.push_back(std::move(row));
    }
    return Ok();
  }));
  return out;
}

}  // namespace hd::service
