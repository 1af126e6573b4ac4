// Reports: how support is doing, for staff (reports.cpp: SLA figures and
// intake; outcome_reports.cpp: compliance, breaches, tiers, requests for
// change, satisfaction, workload). Every figure is aggregated in
// the database (core/ports/report_repositories.hpp), so a report over a
// million tickets reads indexes and holds a few hundred rows, never the
// tickets. Thread-safe; blocking.
//
// Periods are dates in the viewer's time zone: `from` inclusive, `to`
// exclusive. Response and resolution times are working hours of each
// ticket's calendar without the waits for the customer; a row says which
// calendar counted them. "Within target" compares each answer with its due
// instant; an unanswered ticket counts as missed once its due instant has
// passed (and not while it waits for the customer). Median and 90th
// percentile are by nearest rank, to the whole minute.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/process_engine.hpp"
#include "service/sla_policy.hpp"

namespace hd::service {

// The period and filters every report takes.
struct ReportInput {
  std::string from;  // YYYY-MM-DD in the viewer's time zone, inclusive
  std::string to;    // YYYY-MM-DD, exclusive
  std::vector<std::string> levels;
  std::string category;
  std::optional<std::int64_t> group;
  std::optional<std::int64_t> company;
};

// How long something took for the tickets of a row.
struct DurationSummary {
  std::int64_t count = 0;
  double avg_hours = 0;
  double median_hours = 0;
  double p90_hours = 0;
  double max_hours = 0;
  std::int64_t met = 0;
  std::int64_t missed = 0;
  double within_target = 0;  // met / (met + missed); 0 when both are 0
};

struct SlaReportRow {
  std::string key;       // level id, agent's user id ("" = nobody answered), or "1".."3"
  std::string label;     // the level's title or the agent's e-mail, in the viewer's language
  std::string calendar;  // the calendar the hours were counted in; "" when several
  std::int64_t tickets = 0;
  DurationSummary first_response;
  DurationSummary resolution;
};

struct IntakeRow {
  std::string period;  // "2026-12-07" (day), the week's Monday, or "2026-12" (month)
  std::string key;     // channel, category, level or L1 class; "" when not grouped
  // The category's label, the level's title or the L1 class's words in the
  // viewer's language; the key for channels and keys without one.
  std::string label;
  std::int64_t tickets = 0;
};

struct IntakeReport {
  std::string time_zone;
  std::vector<IntakeRow> rows;  // by period, then key
};

// On time and late, for one target over the tickets of a period.
struct ComplianceSummary {
  std::int64_t met = 0;
  std::int64_t missed = 0;
  double within_target = 0;  // met / (met + missed); 0 when both are 0
};

struct ComplianceRow {
  std::string period;
  std::int64_t tickets = 0;
  ComplianceSummary first_response;
  ComplianceSummary resolution;
};

struct ComplianceReport {
  std::string time_zone;
  std::vector<ComplianceRow> rows;  // by period
};

// One target a ticket missed.
struct BreachRow {
  core::TicketId ticket;
  std::int64_t number = 0;
  std::string subject;
  std::string level;
  std::string target;  // "first_response" or "resolution"
  core::Timestamp due;
  std::optional<core::Timestamp> done_at;
  double late_hours = 0;  // clock hours from due to done_at, or to now
};

struct BreachPage {
  std::vector<BreachRow> rows;
  std::string next;  // the cursor of the next page; "" on the last
};

struct TierRow {
  int tier = 1;
  std::int64_t tickets = 0;
  std::int64_t open = 0;
  std::int64_t solved = 0;
  double solved_share = 0;
};

struct TierReport {
  std::string time_zone;
  std::int64_t tickets = 0;
  std::int64_t escalated = 0;
  double escalation_rate = 0;
  std::vector<TierRow> rows;  // L1, L2, L3
};

struct ChangeRow {
  std::string decision;  // "approved", "rejected" or "pending"
  std::string state;
  std::string label;  // the state's label in the viewer's language
  std::int64_t tickets = 0;
};

struct ChangeReport {
  std::string time_zone;
  std::int64_t tickets = 0;
  std::int64_t approved = 0;
  std::int64_t rejected = 0;
  std::int64_t pending = 0;
  std::vector<ChangeRow> rows;
};

struct SatisfactionReport {
  std::string time_zone;
  std::int64_t ratings = 0;
  double average = 0;
  std::int64_t distribution[5] = {0, 0, 0, 0, 0};  // ratings 1..5
  std::vector<core::ports::RatedTicket> low;       // newest first
};

// The proposals for L1's classification of one source and class.
struct L1HintRow {
  core::ports::L1HintCount counts;
  std::string label;          // the proposed class in the viewer's language
  double accepted_share = 0;  // of the decided ones, decided as proposed
};

struct L1HintReport {
  std::string time_zone;
  std::int64_t proposed = 0;
  std::int64_t decided = 0;
  std::int64_t accepted = 0;
  std::vector<L1HintRow> rows;
};

struct WorkloadRow {
  core::UserId agent;
  std::string name;
  std::string email;
  std::int64_t assigned = 0;
  std::int64_t open = 0;
  std::int64_t first_responses = 0;
  double median_first_response_hours = 0;
  std::int64_t replies = 0;
};

struct WorkloadReport {
  std::string time_zone;
  std::vector<WorkloadRow> rows;  // by name
};

struct BacklogRow {
  std::string period;  // the day, or the week's Monday, or the month
  std::string day;     // the day counted: the period's last with a count
  std::string key;     // status, tier ("1".."3") or group id ("" for none)
  std::string label;   // the group's name in the viewer's language, or "L1".."L3"
  std::int64_t tickets = 0;
};

struct BacklogReport {
  std::string time_zone;     // the installation's: days end in it
  std::string history_from;  // the first day counted ("" when none is yet)
  std::vector<BacklogRow> rows;
};

class Reports {
 public:
  // `desk_zone`: the installation's time zone, whose days the backlog is
  // counted at the end of (BacklogSnapshots).
  Reports(core::ports::Store& store, const SlaPolicy& policy, const ProcessEngine& processes,
          const core::Clock& clock, std::string desk_zone)
      : store_(store),
        policy_(policy),
        processes_(processes),
        clock_(clock),
        desk_zone_(std::move(desk_zone)) {}

  // SLA figures by "level", "agent" or "tier". kForbidden for customers;
  // kInvalidArgument naming "from", "to", "by", "level", "category".
  Result<std::vector<SlaReportRow>> Sla(const Actor& actor, const ReportInput& input,
                                        const std::string& by);

  // Tickets opened per "day", "week" (from Monday) or "month" in the
  // viewer's zone, by "none", "channel", "category", "level" or "l1_class".
  Result<IntakeReport> Intake(const Actor& actor, const ReportInput& input,
                              const std::string& period, const std::string& by);

  // Met and missed targets per "day", "week" or "month", judged as Sla()
  // judges them.
  Result<ComplianceReport> Compliance(const Actor& actor, const ReportInput& input,
                                      const std::string& period);

  // The targets ("any", "first_response", "resolution") missed by up to
  // `limit` tickets, newest first, from `cursor` (a page's `next`, or "").
  // A ticket that missed both targets gives two rows. kInvalidArgument
  // naming "target", "cursor", "limit".
  Result<BreachPage> Breaches(const Actor& actor, const ReportInput& input,
                              const std::string& target, const std::string& cursor, int limit);

  // Hand-offs between tiers: how many left L1, and per tier, how many are
  // there and were solved there.
  Result<TierReport> Tiers(const Actor& actor, const ReportInput& input);

  // Requests for change (tickets that reached an approval step of their
  // process) by the last decision and their state now.
  Result<ChangeReport> Changes(const Actor& actor, const ReportInput& input);

  // The customers' ratings given in the period, with the latest low ones.
  Result<SatisfactionReport> Satisfaction(const Actor& actor, const ReportInput& input);

  // The proposals made for L1's classification in the period, for the
  // filtered tickets, by source and class: how many an operator decided and
  // how many of those as proposed (docs/l1-assistance.md).
  Result<L1HintReport> L1Hints(const Actor& actor, const ReportInput& input);

  // Per member of staff: assigned, open, first responses with their median,
  // public replies.
  Result<WorkloadReport> Workload(const Actor& actor, const ReportInput& input);

  // The open tickets at the end of each day of the period (today: now) by
  // "status", "tier" or "group"; per "week" or "month", at its last day
  // counted. Days are the installation's (desk_zone). kInvalidArgument
  // naming "by", "period".
  Result<BacklogReport> Backlog(const Actor& actor, const ReportInput& input,
                                const std::string& period, const std::string& by);

 private:
  core::ports::Store& store_;
  const SlaPolicy& policy_;
  // What people read for each key of an intake grouping `by`.
  Result<std::map<std::string, std::string>> IntakeLabels(const std::string& by,
                                                          const std::string& language);

  const ProcessEngine& processes_;
  const core::Clock& clock_;
  std::string desk_zone_;
};

// Nearest-rank percentile `p` (0 < p <= 1) of a histogram by minute, in
// hours (the bucket's minute); 0 for an empty histogram.
double PercentileHours(const std::vector<std::pair<std::int64_t, std::int64_t>>& minutes,
                       std::int64_t count, double p);

}  // namespace hd::service
