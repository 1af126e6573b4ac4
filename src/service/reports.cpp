#include "service/reports.hpp"

#include <algorithm>
#include <map>

#include "core/licence.hpp"
#include "service/sla_clock_math.hpp"
#include "service/sla_clocks.hpp"
#include "sla/working_time.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

Result<core::Timestamp> DateParam(const std::string& text, const char* field) {
  const auto day = core::ParseDate(text);
  if (!day) return Error::InvalidArgument(std::string(field) + " must be a date YYYY-MM-DD", field);
  return core::Timestamp(*day);
}

struct Accumulator {
  SlaReportRow row;
  double total_hours = 0;
};

Result<std::string> KeyOf(Tx& tx, const core::ports::SlaReportRow& r, const std::string& by,
                          std::map<std::int64_t, std::string>& emails) {
  if (by == "level") return r.clock.level_id;
  if (by == "tier") return std::to_string(r.tier);
  if (!r.clock.first_response_by) return std::string();
  const std::int64_t id = r.clock.first_response_by->value;
  auto it = emails.find(id);
  if (it == emails.end()) {
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(*r.clock.first_response_by));
    it = emails.emplace(id, user.email).first;
  }
  return it->second;
}

Status Add(Tx& tx, const SlaCatalog& catalog, const core::TicketSla& c, core::Timestamp now,
           Accumulator& acc) {
  SlaReportRow& row = acc.row;
  ++row.tickets;
  if (c.first_response_at) {
    ++row.answered;
    const sla::Calendar* calendar = catalog.FindCalendar(c.calendar);
    if (calendar != nullptr) {
      // Waiting for the customer does not count, as on the ticket's clock.
      const sla::Instant answered = ToInstant(*c.first_response_at);
      HD_ASSIGN_OR_RETURN(auto pauses, PausesUntil(tx, c.ticket_id, answered));
      HD_ASSIGN_OR_RETURN(
          auto worked, sla::WorkingSeconds(*calendar, ToInstant(c.started_at), answered, pauses));
      const double hours = static_cast<double>(worked.count()) / 3600.0;
      acc.total_hours += hours;
      row.max_first_response_hours = std::max(row.max_first_response_hours, hours);
    }
    if (c.first_response_due && *c.first_response_at <= *c.first_response_due) {
      ++row.met;
    } else {
      ++row.missed;
    }
  } else if (c.first_response_due && *c.first_response_due < now && !c.paused_since) {
    ++row.missed;
  }
  return Ok();
}

}  // namespace

Result<std::vector<SlaReportRow>> Reports::Sla(const Actor& actor, const SlaReportInput& in) {
  if (!actor.staff()) return Error::Forbidden("SLA reports are for support staff");
  if (in.by != "level" && in.by != "agent" && in.by != "tier") {
    return Error::InvalidArgument("by must be level, agent or tier", "by");
  }
  HD_ASSIGN_OR_RETURN(const core::Timestamp from, DateParam(in.from, "from"));
  HD_ASSIGN_OR_RETURN(const core::Timestamp to, DateParam(in.to, "to"));
  if (to <= from) return Error::InvalidArgument("to must be after from", "to");
  const auto catalog = policy_.Current();
  const auto now = clock_.Now();
  std::map<std::string, Accumulator> groups;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto rows, tx.Sla().ListStartedBetween(from, to));
    std::map<std::int64_t, std::string> emails;
    for (const auto& r : rows) {
      HD_ASSIGN_OR_RETURN(std::string key, KeyOf(tx, r, in.by, emails));
      Accumulator& acc = groups[key];
      acc.row.key = key;
      HD_RETURN_IF_ERROR(Add(tx, *catalog, r.clock, now, acc));
    }
    return Ok();
  }));
  std::vector<SlaReportRow> out;
  for (auto& [key, acc] : groups) {
    SlaReportRow row = acc.row;
    if (row.answered > 0)
      row.avg_first_response_hours = acc.total_hours / static_cast<double>(row.answered);
    const std::int64_t judged = row.met + row.missed;
    if (judged > 0) row.within_target = static_cast<double>(row.met) / static_cast<double>(judged);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace hd::service
