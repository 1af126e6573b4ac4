// Reports: figures aggregated in the database, so a report over a million
// tickets reads indexes and returns a few hundred rows, never the tickets.
// Response and resolution times are the working seconds ticket_sla stores
// for each ticket (measured on its clock's calendar, without the waits for
// the customer); order statistics come from their histogram by minute.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core::ports {

// Which tickets a report counts: opened in [from, to); empty members do not
// filter.
struct ReportFilter {
  Timestamp from;
  Timestamp to;
  std::vector<std::string> levels;
  std::optional<std::string> category;
  std::optional<GroupId> group;
  std::optional<CompanyId> company;
};

// How long something took for a set of tickets, in working seconds.
struct DurationFigures {
  std::int64_t count = 0;    // tickets it happened for
  std::int64_t total_s = 0;  // sum over them
  std::int64_t max_s = 0;
  // (minute, tickets): how many took [minute, minute + 1) minutes, by minute.
  std::vector<std::pair<std::int64_t, std::int64_t>> minutes;
  std::int64_t met = 0;     // happened by its due instant
  std::int64_t missed = 0;  // happened late, or has not happened and is overdue
};

// What the SLA report groups by.
enum class SlaGrouping { kLevel, kAgent, kTier };

struct SlaFigures {
  std::string key;       // level id, agent user id ("" = nobody answered), or "1".."3"
  std::string calendar;  // the calendar the times were counted in ("" when several)
  std::int64_t tickets = 0;
  DurationFigures first_response;
  DurationFigures resolution;
};

// What the intake report groups by, besides the period.
enum class IntakeGrouping { kNone, kChannel, kCategory, kLevel, kL1Class };

// Tickets opened in one UTC hour with one key.
struct IntakeCount {
  std::int64_t hour = 0;  // unix time / 3600
  std::string key;
  std::int64_t tickets = 0;
};

// How each target of one UTC hour's clocks went: tickets by whether the
// first response and the resolution were met, missed or neither (yet).
enum class Outcome { kNone, kMet, kMissed };

struct ComplianceCount {
  std::int64_t hour = 0;  // of the clock's start: unix time / 3600
  Outcome first_response = Outcome::kNone;
  Outcome resolution = Outcome::kNone;
  std::int64_t tickets = 0;
};

// A ticket whose clock missed a target; what it missed is in the dues and
// the instants.
struct BreachedClock {
  TicketId ticket;
  std::int64_t number = 0;
  std::string subject;
  std::string level;
  Timestamp started_at;
  std::optional<Timestamp> first_response_at;
  std::optional<Timestamp> first_response_due;
  std::optional<Timestamp> resolved_at;
  std::optional<Timestamp> resolution_due;
  bool paused = false;  // the clock waits for the customer now
};

// Which target a breach list is about.
enum class SlaTarget { kAny, kFirstResponse, kResolution };

// Where the previous page of breaches ended (newest first).
struct BreachCursor {
  Timestamp started_at;
  TicketId ticket;
};

// Tickets by their tier now and whether they are resolved or closed.
struct TierCount {
  int tier = 1;
  bool solved = false;
  std::int64_t tickets = 0;
};

// Tickets that went to an approval step (a request for change), by the
// state they are in now and the last decision taken on them (the id of the
// approving or rejecting transition; "" while none was taken).
struct ChangeCount {
  std::string state;
  std::string decision;
  std::int64_t tickets = 0;
};

// The approval steps of the processes: the states that vote and the
// transitions that approve or reject.
struct ApprovalIds {
  std::vector<std::string> states;
  std::vector<std::string> decisions;
};

struct RatingCount {
  int rating = 0;
  std::int64_t count = 0;
};

struct RatedTicket {
  TicketId ticket;
  std::int64_t number = 0;
  std::string subject;
  int rating = 0;
  std::string comment;
  Timestamp at;
};

// One staff member's share of the tickets of a report: assigned to them now
// (and of those not yet resolved or closed), public replies they wrote in
// the period, and the first responses they gave to tickets whose clocks
// started in it, with how long each took in working time.
struct AgentCount {
  UserId agent;
  std::int64_t assigned = 0;
  std::int64_t open = 0;
  std::int64_t replies = 0;
  std::int64_t first_responses = 0;
  // (minute, tickets): how many first responses took [minute, minute + 1)
  // working minutes, by minute.
  std::vector<std::pair<std::int64_t, std::int64_t>> first_response_minutes;
};

// Open tickets (new, open or pending) with one value of everything the
// backlog report groups and filters by.
struct BacklogCount {
  std::string status;
  int tier = 1;
  std::optional<GroupId> group;
  std::string level;
  std::string category;
  std::optional<CompanyId> company;
  std::int64_t tickets = 0;
};

// A change of a ticket the backlog follows: its creation, or a new status,
// tier or group (`old_value` is what it was before).
struct TicketChange {
  TicketId ticket;
  Timestamp at;
  enum class Kind { kCreated, kStatus, kTier, kGroup } kind = Kind::kCreated;
  std::string old_value;
};

// What the backlog report groups by.
enum class BacklogGrouping { kStatus, kTier, kGroup };

// The backlog stored for one day and key.
struct BacklogPoint {
  std::string day;  // YYYY-MM-DD
  std::string key;  // status, tier ("1".."3") or group id ("" for none)
  std::int64_t tickets = 0;
};

class ReportRepo {
 public:
  virtual ~ReportRepo() = default;
  // SLA figures of the clocks of tickets matching `filter`, by `grouping`;
  // "overdue" is judged at `now`.
  virtual Result<std::vector<SlaFigures>> Sla(const ReportFilter& filter, SlaGrouping grouping,
                                              Timestamp now) = 0;
  // Tickets opened, by UTC hour and key (the caller folds hours into the
  // viewer's days, weeks or months).
  virtual Result<std::vector<IntakeCount>> Intake(const ReportFilter& filter,
                                                  IntakeGrouping grouping) = 0;
  // Outcomes of the clocks started in the filter's period, by hour.
  virtual Result<std::vector<ComplianceCount>> Compliance(const ReportFilter& filter,
                                                          Timestamp now) = 0;
  // Up to `limit` clocks started in the period that missed `target`,
  // newest first, after `after`.
  virtual Result<std::vector<BreachedClock>> Breaches(const ReportFilter& filter, SlaTarget target,
                                                      Timestamp now,
                                                      const std::optional<BreachCursor>& after,
                                                      int limit) = 0;
  // Tickets opened in the period by tier and solved.
  virtual Result<std::vector<TierCount>> Tiers(const ReportFilter& filter) = 0;
  // Tickets opened in the period that ever left tier 1.
  virtual Result<std::int64_t> EscalatedFromFirstTier(const ReportFilter& filter) = 0;
  virtual Result<std::vector<ChangeCount>> Changes(const ReportFilter& filter,
                                                   const ApprovalIds& approvals) = 0;
  // Feedback given in the period, by rating.
  virtual Result<std::vector<RatingCount>> Ratings(const ReportFilter& filter) = 0;
  // The latest `limit` ratings of at most `max_rating` given in the period.
  virtual Result<std::vector<RatedTicket>> LowRatings(const ReportFilter& filter, int max_rating,
                                                      int limit) = 0;
  // Per staff member: tickets opened in the period assigned to them, public
  // replies written in the period on tickets matching the filter, and first
  // responses to tickets whose clocks started in the period, by minute.
  virtual Result<std::vector<AgentCount>> Workload(const ReportFilter& filter) = 0;

  // The backlog now: open tickets by status, tier, group, level, category
  // and company.
  virtual Result<std::vector<BacklogCount>> OpenNow() = 0;
  // Calls `fn` with every change at or after `since`, newest first.
  virtual Status ForEachChangeSince(Timestamp since,
                                    const std::function<Status(const TicketChange&)>& fn) = 0;
  // When the first ticket was opened (none without tickets).
  virtual Result<std::optional<Timestamp>> FirstTicketAt() = 0;
  // The first and the last day whose backlog is stored ("" when none).
  virtual Result<std::pair<std::string, std::string>> BacklogDays() = 0;
  // Stores the backlog counted at the end of `day`, replacing what was.
  virtual Status PutBacklogDay(const std::string& day, const std::vector<BacklogCount>& counts) = 0;
  // The stored backlog of the days from `first` to `last` (both included)
  // matching the filter's levels, category, group and company (its period
  // is not used), summed by day and key.
  virtual Result<std::vector<BacklogPoint>> Backlog(const std::string& first,
                                                    const std::string& last,
                                                    const ReportFilter& filter,
                                                    BacklogGrouping grouping) = 0;
};

}  // namespace hd::core::ports
