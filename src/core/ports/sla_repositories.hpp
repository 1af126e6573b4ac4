// SLA repository ports: licences and partner status, special-request
// coupons, the stored SLA clocks with the level versions they run on, the
// notification outbox, job leases and the administrators' audit log. Like
// every repository (ports/repositories.hpp) an object belongs to one
// transaction and one thread at a time; every method may return kUnavailable
// (database busy, locked or full) and kInternal (broken invariant).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/coupon.hpp"
#include "core/error.hpp"
#include "core/licence.hpp"
#include "core/role.hpp"
#include "core/sla_clock.hpp"

namespace hd::core::ports {

class LicenceRepo {
 public:
  virtual ~LicenceRepo() = default;
  // Stores a new licence and returns it with its id.
  virtual Result<Licence> Insert(Licence licence) = 0;
  // kNotFound when there is no such licence.
  virtual Result<Licence> Get(LicenceId id) = 0;
  // Writes edition, support, limited, activation and expiry.
  virtual Status Update(const Licence& licence) = 0;
  // The licences of the user and of the company (either may be empty), by id.
  virtual Result<std::vector<Licence>> ListForHolder(std::optional<UserId> user,
                                                     std::optional<CompanyId> company) = 0;
  virtual Result<std::vector<Licence>> List() = 0;
  virtual Status InsertRenewal(const LicenceRenewal& renewal) = 0;
  virtual Result<std::vector<LicenceRenewal>> ListRenewals(LicenceId id) = 0;
  // Sets the partner status of its holder (insert or update).
  virtual Status PutPartner(const Partner& partner) = 0;
  // The partner records of the user and of the company (either may be empty).
  virtual Result<std::vector<Partner>> FindPartners(std::optional<UserId> user,
                                                    std::optional<CompanyId> company) = 0;
  virtual Result<std::vector<Partner>> ListPartners() = 0;
};

class CouponRepo {
 public:
  virtual ~CouponRepo() = default;
  // kConflict when the code is taken.
  virtual Result<Coupon> Insert(Coupon coupon) = 0;
  virtual Result<std::optional<Coupon>> FindByCode(const std::string& code) = 0;
  // Marks the coupon used by `ticket` if it is still unused and unexpired at
  // `at`: true when this call redeemed it, false when it was already used
  // (or expired or revoked). One conditional UPDATE, so of concurrent redemptions
  // exactly one returns true.
  virtual Result<bool> Redeem(CouponId id, TicketId ticket, Timestamp at) = 0;
  // Revokes the coupon if it is neither used nor revoked: true when this
  // call revoked it.
  virtual Result<bool> Revoke(CouponId id, Timestamp at, const std::string& reason) = 0;
  virtual Result<std::vector<Coupon>> ListForHolder(std::optional<UserId> user,
                                                    std::optional<CompanyId> company) = 0;
  virtual Result<std::vector<Coupon>> List() = 0;
};

class SlaRepo {
 public:
  virtual ~SlaRepo() = default;
  // Records a level version; assigns id and the next version number of its
  // level (ignoring `version.version`).
  virtual Result<SlaLevelVersion> InsertLevelVersion(SlaLevelVersion version) = 0;
  // kNotFound when there is no such version.
  virtual Result<SlaLevelVersion> GetLevelVersion(SlaLevelVersionId id) = 0;
  // Every version of a level, oldest first.
  virtual Result<std::vector<SlaLevelVersion>> ListLevelVersions(const std::string& level_id) = 0;
  // The highest version of every level, by level id.
  virtual Result<std::vector<SlaLevelVersion>> CurrentLevelVersions() = 0;

  // kConflict when the ticket has a clock already.
  virtual Status InsertClock(const TicketSla& clock) = 0;
  // Writes every field of the clock. kNotFound when the ticket has none.
  virtual Status UpdateClock(const TicketSla& clock) = 0;
  virtual Result<std::optional<TicketSla>> FindClock(TicketId ticket) = 0;
  // The clocks of the given tickets (those that have one), in no order.
  virtual Result<std::vector<TicketSla>> FindClocks(const std::vector<TicketId>& tickets) = 0;
  // Up to `limit` clocks whose next_alert_at <= `now`, earliest first,
  // claimed against other instances where the database supports it.
  virtual Result<std::vector<TicketSla>> ClaimDueAlerts(Timestamp now, int limit) = 0;
  // Records an alert; false when it was recorded before (idempotent by a
  // unique constraint on ticket, target and kind).
  // (core::SlaTarget: report_repositories.hpp has a ports::SlaTarget of its own.)
  virtual Result<bool> InsertAlert(TicketId ticket, core::SlaTarget target, SlaAlertKind kind,
                                   Timestamp due, Timestamp at) = 0;
  // The alerts recorded for the ticket.
  virtual Result<std::vector<std::pair<core::SlaTarget, SlaAlertKind>>> ListAlerts(
      TicketId ticket) = 0;
  // Tickets of the level whose clock still runs on another version than
  // `version`: nothing resolved or closed.
  virtual Result<std::vector<TicketId>> ListOpenOnOtherVersion(const std::string& level_id,
                                                               SlaLevelVersionId version) = 0;
  // Tickets after `after` whose clock has a first response or resolution
  // without its working time (clocks stored before reports kept it), by
  // id, at most `limit`.
  virtual Result<std::vector<TicketId>> ListWithoutWorkedTimes(TicketId after, int limit) = 0;

  // Imported holiday sources of calendars (insert or replace by name).
  struct CalendarSource {
    std::string calendar_id;
    std::string name;
    std::string content;
    Timestamp imported_at;
  };
  virtual Status PutCalendarSource(const CalendarSource& source) = 0;
  virtual Result<std::vector<CalendarSource>> ListCalendarSources() = 0;

  // Calendar definitions (helpdesk-calendar/1 JSON) stored by administrators
  // (insert or replace by id); they replace shipped definitions.
  struct CalendarDefinition {
    std::string calendar_id;
    std::string content;
    Timestamp updated_at;
  };
  virtual Status PutCalendarDefinition(const CalendarDefinition& definition) = 0;
  virtual Result<std::vector<CalendarDefinition>> ListCalendarDefinitions() = 0;

  // The SLA policy version: 0 until the first bump. Every change of levels
  // or calendars bumps it in its own transaction, so an instance that reads
  // a different number knows its catalogue is stale.
  virtual Result<std::int64_t> PolicyVersion() = 0;
  virtual Status BumpPolicyVersion() = 0;
};

// A message waiting in the outbox for mail delivery.
struct Notification {
  std::int64_t id = 0;
  std::string kind;  // e.g. "coupon_issued", "sla_warning", "sla_breach"
  std::optional<UserId> user_id;
  std::optional<TicketId> ticket_id;
  // For people, in LocalText's stored form: a text in every language it was
  // written in (LocalText::FromStored).
  std::string subject;
  std::string body;
  Timestamp created_at;
  std::optional<Timestamp> sent_at;
  // The one outbox (docs/notifications.md): each row is for one user (or
  // for nobody resolved, e.g. a company's coupon), shown in the app until
  // read and drained by mail delivery. `audience` is how it was addressed:
  // "user:12", "role:tester", "group:administration".
  std::string audience;
  std::optional<Timestamp> read_at;
  // The ticket message it carries (a public reply mailed with its
  // attachments); empty for most kinds.
  std::optional<MessageId> message_ref;
};

class NotificationRepo {
 public:
  virtual ~NotificationRepo() = default;
  virtual Result<Notification> Queue(Notification notification) = 0;
  // Queues a copy of `notification` for every active user of `role`
  // (user_id is theirs); returns how many.
  virtual Result<int> QueueForRole(const Notification& notification, Role role) = 0;
  // Unsent notifications, oldest first, at most `limit` (for mail delivery).
  virtual Result<std::vector<Notification>> ListUnsent(int limit) = 0;
  // Records that mail delivery sent it.
  virtual Status MarkSent(std::int64_t id, Timestamp at) = 0;
  // The user's notifications, newest first: those with an id below `before`
  // when set, at most `limit`.
  virtual Result<std::vector<Notification>> ListForUser(UserId user,
                                                        std::optional<std::int64_t> before,
                                                        int limit) = 0;
  virtual Result<std::int64_t> CountUnread(UserId user) = 0;
  // Marks the user's notification read at `at` (kept when read before):
  // false when the user has no notification `id`.
  virtual Result<bool> MarkRead(std::int64_t id, UserId user, Timestamp at) = 0;
  // Every notification about the ticket, oldest first.
  virtual Result<std::vector<Notification>> ListForTicket(TicketId ticket) = 0;
};

// One value an administrative action changed: `before` is empty for a
// value that did not exist, `after` for one that was removed.
struct AuditChange {
  std::string field;  // e.g. "role", "first_response"
  std::string before;
  std::string after;
  friend bool operator==(const AuditChange&, const AuditChange&) = default;
};

// One administrator's action, kept for audit.
struct AuditEntry {
  std::int64_t id = 0;
  std::optional<UserId> actor_id;  // empty for the command line
  std::string action;              // e.g. "coupon.issue", "level.update"
  std::string subject;             // e.g. "user:12", "level:client_vip"
  std::string detail;
  Timestamp at;
  std::vector<AuditChange> changes;  // old -> new, in the order they were made
};

// Which audit entries to list; empty members do not filter.
struct AuditQuery {
  std::optional<UserId> actor_id;
  std::string action;                     // "user.update", or a prefix ending in '.' ("user.")
  std::string subject;                    // exactly, e.g. "user:12"
  std::optional<Timestamp> from;          // at >= from
  std::optional<Timestamp> to;            // at < to
  std::optional<std::int64_t> before_id;  // keyset pagination: ids below this
  int limit = 50;
};

class AuditRepo {
 public:
  virtual ~AuditRepo() = default;
  virtual Status Record(const AuditEntry& entry) = 0;
  // The matching entries, newest first, at most `query.limit`.
  virtual Result<std::vector<AuditEntry>> List(const AuditQuery& query) = 0;
};

class JobRepo {
 public:
  virtual ~JobRepo() = default;
  // Takes the lease of job `name` for `owner` until `until` if nobody holds
  // it at `now` (or `owner` does): true when taken. One conditional UPDATE,
  // so of instances racing for it exactly one wins.
  virtual Result<bool> ClaimLease(const std::string& name, const std::string& owner, Timestamp now,
                                  Timestamp until) = 0;
  // Records a finished run and gives the lease up.
  virtual Status FinishRun(const std::string& name, const std::string& owner, Timestamp now) = 0;
};

}  // namespace hd::core::ports
