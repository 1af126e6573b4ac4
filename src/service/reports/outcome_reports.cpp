// How tickets end: SLA compliance over time and the targets missed, tiers
// and hand-offs, requests for change, satisfaction, each agent's share.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "core/role.hpp"
#include "service/l1/hints.hpp"
#include "service/reports/report_input.hpp"
#include "service/reports/reports.hpp"

namespace hd::service {

using core::ports::Tx;
using namespace reports_detail;  // NOLINT(google-build-using-namespace): shared report steps

namespace {

constexpr int kMaxBreachesPage = 500;
constexpr int kLowRating = 2;
constexpr int kLowRatingsShown = 100;

double Share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0;
}

void Add(ComplianceSummary& s, core::ports::Outcome outcome, std::int64_t tickets) {
  if (outcome == core::ports::Outcome::kMet) s.met += tickets;
  if (outcome == core::ports::Outcome::kMissed) s.missed += tickets;
}

void Finish(ComplianceSummary& s) { s.within_target = Share(s.met, s.met + s.missed); }

// "<started at, unix ms>.<ticket id>", as Breaches() writes `next`.
Result<std::optional<core::ports::BreachCursor>> ParseCursor(const std::string& text) {
  if (text.empty()) return std::optional<core::ports::BreachCursor>{};
  const auto bad = [] {
    return Error::InvalidArgument("cursor must be the next of a previous page", "cursor");
  };
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos) return bad();
  std::int64_t at = 0;
  std::int64_t ticket = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  auto first = std::from_chars(begin, begin + dot, at);
  auto second = std::from_chars(begin + dot + 1, end, ticket);
  if (first.ec != std::errc() || first.ptr != begin + dot || second.ec != std::errc() ||
      second.ptr != end || at < 0 || ticket < 1) {
    return bad();
  }
  return std::optional(core::ports::BreachCursor{core::FromUnixMillis(at), core::TicketId(ticket)});
}

// The row of a missed target, or none when it was not missed (at `now`).
std::optional<BreachRow> Missed(const core::ports::BreachedClock& c, const char* target,
                                const std::optional<core::Timestamp>& done,
                                const std::optional<core::Timestamp>& due, core::Timestamp now) {
  if (!due) return std::nullopt;
  if (done ? *done <= *due : (*due >= now || c.paused)) return std::nullopt;
  BreachRow row;
  row.ticket = c.ticket;
  row.number = c.number;
  row.subject = c.subject;
  row.level = c.level;
  row.target = target;
  row.due = *due;
  row.done_at = done;
  const auto late = (done ? *done : now) - *due;
  row.late_hours = static_cast<double>(late.count()) / 3'600'000.0;
  return row;
}

}  // namespace

Result<ComplianceReport> Reports::Compliance(const Actor& actor, const ReportInput& in,
                                             const std::string& period) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  HD_RETURN_IF_ERROR(CheckPeriod(period));
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  const auto now = clock_.Now();
  std::vector<core::ports::ComplianceCount> counts;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(counts, tx.Reports().Compliance(filter, now));
    return Ok();
  }));
  std::map<std::string, ComplianceRow> rows;
  for (const auto& c : counts) {
    ComplianceRow& row = rows[PeriodOf(c.hour, period, zone)];
    row.tickets += c.tickets;
    Add(row.first_response, c.first_response, c.tickets);
    Add(row.resolution, c.resolution, c.tickets);
  }
  ComplianceReport out;
  out.time_zone = zone->name();
  for (auto& [name, row] : rows) {
    row.period = name;
    Finish(row.first_response);
    Finish(row.resolution);
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<BreachPage> Reports::Breaches(const Actor& actor, const ReportInput& in,
                                     const std::string& target, const std::string& cursor,
                                     int limit) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  core::ports::SlaTarget which = core::ports::SlaTarget::kAny;
  if (target == "first_response") {
    which = core::ports::SlaTarget::kFirstResponse;
  } else if (target == "resolution") {
    which = core::ports::SlaTarget::kResolution;
  } else if (target != "any") {
    return Error::InvalidArgument("target must be any, first_response or resolution", "target");
  }
  if (limit < 1 || limit > kMaxBreachesPage) {
    return Error::InvalidArgument("limit must be from 1 to 500", "limit");
  }
  HD_ASSIGN_OR_RETURN(auto after, ParseCursor(cursor));
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, ZoneOf(actor)));
  const auto now = clock_.Now();
  std::vector<core::ports::BreachedClock> clocks;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(clocks, tx.Reports().Breaches(filter, which, now, after, limit));
    return Ok();
  }));
  BreachPage page;
  for (const auto& c : clocks) {
    if (which != core::ports::SlaTarget::kResolution) {
      auto row = Missed(c, "first_response", c.first_response_at, c.first_response_due, now);
      if (row) page.rows.push_back(std::move(*row));
    }
    if (which != core::ports::SlaTarget::kFirstResponse) {
      auto row = Missed(c, "resolution", c.resolved_at, c.resolution_due, now);
      if (row) page.rows.push_back(std::move(*row));
    }
  }
  if (static_cast<int>(clocks.size()) == limit) {
    const auto& last = clocks.back();
    page.next = std::to_string(core::ToUnixMillis(last.started_at)) + "." +
                std::to_string(last.ticket.value);
  }
  return page;
}

Result<TierReport> Reports::Tiers(const Actor& actor, const ReportInput& in) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  std::vector<core::ports::TierCount> counts;
  std::int64_t escalated = 0;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(counts, tx.Reports().Tiers(filter));
    HD_ASSIGN_OR_RETURN(escalated, tx.Reports().EscalatedFromFirstTier(filter));
    return Ok();
  }));
  TierReport out;
  out.time_zone = zone->name();
  for (int tier = 1; tier <= 3; ++tier) out.rows.push_back(TierRow{tier});
  std::int64_t solved = 0;
  for (const auto& c : counts) {
    if (c.tier < 1 || c.tier > 3) continue;
    TierRow& row = out.rows[static_cast<std::size_t>(c.tier - 1)];
    row.tickets += c.tickets;
    out.tickets += c.tickets;
    if (c.solved) {
      row.solved += c.tickets;
      solved += c.tickets;
    } else {
      row.open += c.tickets;
    }
  }
  for (TierRow& row : out.rows) row.solved_share = Share(row.solved, solved);
  out.escalated = escalated;
  out.escalation_rate = Share(escalated, out.tickets);
  return out;
}

Result<ChangeReport> Reports::Changes(const Actor& actor, const ReportInput& in) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  // The approval steps of every process, and the states' labels.
  core::ports::ApprovalIds approvals;
  std::set<std::string> approving;
  std::map<std::string, std::string> labels;
  for (const ProcessPtr& process : processes_.catalog().CurrentAll()) {
    for (const workflow::ApprovalStep& step : process->approvals) {
      approvals.states.push_back(step.state.id);
      approvals.decisions.push_back(step.approve.id);
      approvals.decisions.push_back(step.reject.id);
      approving.insert(step.approve.id);
    }
    for (const workflow::State& state : process->states) {
      labels.try_emplace(state.id, state.label.In(actor.language));
    }
  }
  std::vector<core::ports::ChangeCount> counts;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(counts, tx.Reports().Changes(filter, approvals));
    return Ok();
  }));
  ChangeReport out;
  out.time_zone = zone->name();
  std::map<std::pair<std::string, std::string>, std::int64_t> rows;
  for (const auto& c : counts) {
    const std::string decision = c.decision.empty()            ? "pending"
                                 : approving.count(c.decision) ? "approved"
                                                               : "rejected";
    rows[{decision, c.state}] += c.tickets;
    out.tickets += c.tickets;
    (decision == "pending"    ? out.pending
     : decision == "approved" ? out.approved
                              : out.rejected) += c.tickets;
  }
  for (const auto& [key, tickets] : rows) {
    auto label = labels.find(key.second);
    out.rows.push_back(
        {key.first, key.second, label == labels.end() ? key.second : label->second, tickets});
  }
  return out;
}

Result<SatisfactionReport> Reports::Satisfaction(const Actor& actor, const ReportInput& in) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  SatisfactionReport out;
  out.time_zone = zone->name();
  std::vector<core::ports::RatingCount> counts;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(counts, tx.Reports().Ratings(filter));
    HD_ASSIGN_OR_RETURN(out.low, tx.Reports().LowRatings(filter, kLowRating, kLowRatingsShown));
    return Ok();
  }));
  std::int64_t sum = 0;
  for (const auto& c : counts) {
    if (c.rating < 1 || c.rating > 5) continue;
    out.distribution[c.rating - 1] += c.count;
    out.ratings += c.count;
    sum += c.rating * c.count;
  }
  if (out.ratings > 0) out.average = static_cast<double>(sum) / static_cast<double>(out.ratings);
  return out;
}

Result<L1HintReport> Reports::L1Hints(const Actor& actor, const ReportInput& in) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  L1HintReport out;
  out.time_zone = zone->name();
  std::vector<core::ports::L1HintCount> counts;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(counts, tx.L1Hints().Count(filter));
    return Ok();
  }));
  const auto labels = l1::ClassLabels(processes_, actor.language);
  for (auto& c : counts) {
    out.proposed += c.proposed;
    out.decided += c.decided;
    out.accepted += c.accepted;
    L1HintRow row{c, l1::LabelOf(labels, c.proposed_class), 0};
    if (c.decided > 0) {
      row.accepted_share = static_cast<double>(c.accepted) / static_cast<double>(c.decided);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<WorkloadReport> Reports::Workload(const Actor& actor, const ReportInput& in) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  WorkloadReport out;
  out.time_zone = zone->name();
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.rows.clear();
    HD_ASSIGN_OR_RETURN(auto counts, tx.Reports().Workload(filter));
    std::map<std::int64_t, WorkloadRow> rows;
    for (const auto& c : counts) {
      WorkloadRow& row = rows[c.agent.value];
      row.assigned = c.assigned;
      row.open = c.open;
      row.replies = c.replies;
      row.first_responses = c.first_responses;
      row.median_first_response_hours =
          PercentileHours(c.first_response_minutes, c.first_responses, 0.5);
    }
    for (auto& [id, row] : rows) {
      auto user = tx.Users().Get(core::UserId(id));
      if (!user.ok()) continue;
      if (!core::IsStaff(user->role)) continue;  // customers' own replies
      row.agent = user->id;
      row.name = user->name;
      row.email = user->email;
      out.rows.push_back(std::move(row));
    }
    return Ok();
  }));
  std::sort(out.rows.begin(), out.rows.end(), [](const WorkloadRow& a, const WorkloadRow& b) {
    return std::tie(a.name, a.agent.value) < std::tie(b.name, b.agent.value);
  });
  return out;
}

}  // namespace hd::service
