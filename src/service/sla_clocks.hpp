// SlaClocks: the SLA clock of every ticket - which support level serves a new
// ticket and why, its stored due instants, and the view of them people see.
//
// The use cases that change a ticket call these inside their write
// transaction, explicitly, after the change (never from a storage callback):
//   Tickets::Create      Choose() and Plan() before the insert, Start() after
//                        it;
//   Conversation::Post   Refresh() (a public staff reply meets the first
//                        response; a customer's reply resumes a paused clock);
//   Tickets::Update      Refresh() (status pending pauses, resolved stops);
//   process transitions  RefreshSlaClocks() after each transition.
// Pauses and answers are read from the ticket's history (events, messages),
// so a refresh always yields the same clock for the same history.
//
// Thread-safe: holds only a reference to the SlaPolicy, whose snapshot each
// call takes once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/coupon.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"
#include "service/sla_clock_math.hpp"
#include "service/sla_policy.hpp"

namespace hd::service {

// The level a new ticket gets, and why.
struct LevelChoice {
  bool enabled = false;  // false before levels are loaded: no clock is kept
  std::string level_id = "non_commercial";
  core::LocalText reason;
  std::optional<core::Coupon> coupon;  // the coupon to redeem (special level)
};

// One segment of a clock's timeline ("running", "paused", "outside_hours",
// "weekend", "holiday") with the reason of a pause.
struct SlaSegment {
  core::Timestamp from;
  core::Timestamp to;
  std::string kind;
  std::string reason;  // for "paused": "waiting for the customer"
};

// A ticket's clock with its timeline, for GET /tickets/{id}/sla.
struct SlaDetail {
  core::TicketSla clock;
  core::SlaStatus status;
  core::SlaLevelVersion level;
  std::vector<SlaSegment> timeline;  // from the start to now (or the stop)
};

class SlaClocks {
 public:
  explicit SlaClocks(const SlaPolicy& policy) : policy_(policy) {}

  const SlaPolicy& policy() const { return policy_; }

  // The level of a ticket `initiator` opens now: from their licences and
  // partner status (sla::ResolveLevel), or "special" with a valid coupon.
  // Errors, all kInvalidArgument naming the field: "coupon" with reason
  // coupon-unknown, coupon-used, coupon-expired or coupon-not-yours;
  // "channel" with reason entitlement-not-included when the level does not
  // include the channel (phone support), naming the levels that do.
  Result<LevelChoice> Choose(core::ports::Tx& tx, const Actor& initiator,
                             const std::string& coupon_code, const std::string& channel,
                             core::Timestamp now) const;

  // The clock a new ticket starts with under `choice` (ticket id still
  // unset; it starts at ticket.created_at), and ticket.sla filled from it
  // (as Describe would), so the ticket row is inserted with its due instant.
  // nullopt when the choice is not enabled. The promise is worded for `reader`.
  Result<std::optional<core::TicketSla>> Plan(core::Ticket& ticket, const LevelChoice& choice,
                                              core::Timestamp now, const Actor& reader) const;

  // Redeems the chosen coupon for the stored ticket (kInvalidArgument
  // coupon-used when a concurrent request redeemed it first) and stores
  // `clock`, from Plan(), as the ticket's.
  Status Start(core::ports::Tx& tx, const core::Ticket& ticket, const LevelChoice& choice,
               core::TicketSla clock) const;

  // Recomputes the stored clock of `ticket` from its history at `now`.
  // Nothing for a ticket without a clock. kUnavailable when the calendar has
  // no data for the years involved.
  Status Refresh(core::ports::Tx& tx, const core::Ticket& ticket, core::Timestamp now) const;

  // Fills ticket.sla (and nothing when the ticket has no clock), its
  // promise to the customer worded for `reader`.
  Status Describe(core::ports::Tx& tx, core::Ticket& ticket, core::Timestamp now,
                  const Actor& reader) const;
  Status DescribeAll(core::ports::Tx& tx, std::vector<core::Ticket>& tickets, core::Timestamp now,
                     const Actor& reader) const;

  // The alerts of the ticket's clock not raised yet, each with the instant
  // it falls due (the SLA job raises those that are due).
  Result<std::vector<ComputedClock::PendingAlert>> PendingAlerts(core::ports::Tx& tx,
                                                                 const core::Ticket& ticket,
                                                                 core::Timestamp now) const;
  // nullopt when `now` is working time of the calendar, else when it opens
  // next.
  Result<std::optional<core::Timestamp>> NextOpening(const std::string& calendar,
                                                     core::Timestamp now) const;

  // The clock with its timeline, its promise worded for `reader`. kNotFound when
  // the ticket has no clock.
  Result<SlaDetail> Detail(core::ports::Tx& tx, const core::Ticket& ticket, core::Timestamp now,
                           const Actor& reader) const;

 private:
  const SlaPolicy& policy_;
};

// The waits for the customer in the ticket's history before `until` (a wait
// still open at `until` ends there): the pauses its SLA clock skipped up to
// then. Reports measure response times with them.
Result<std::vector<sla::Interval>> PausesUntil(core::ports::Tx& tx, core::TicketId ticket,
                                               sla::Instant until);

// The function other use cases call after changing a ticket inside their
// write transaction (the process engine after each transition):
// clocks.Refresh(tx, ticket, now).
Status RefreshSlaClocks(core::ports::Tx& tx, const SlaClocks& clocks, const core::Ticket& ticket,
                        core::Timestamp now);

}  // namespace hd::service
