// Repository ports: what service/ needs from storage, one interface per
// aggregate. A repository object belongs to one transaction (ports::Tx) and is
// used by one thread at a time. Every method returns kUnavailable when the
// database is busy, locked or out of space, and kInternal on a broken
// invariant; other error codes are listed per method.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth.hpp"
#include "core/error.hpp"
#include "core/event.hpp"
#include "core/message.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"

namespace hd::core::ports {

// An administrator's search for users; empty members do not filter.
struct UserQuery {
  std::string text;  // part of the name or e-mail (case-insensitive for ASCII letters)
  std::vector<Role> roles;
  std::optional<CompanyId> company_id;
  std::optional<bool> disabled;
  std::optional<UserId> after;  // keyset pagination: ids above this
  int limit = 50;
};

class UserRepo {
 public:
  virtual ~UserRepo() = default;
  // Stores a new user and returns it with its id. kConflict when the e-mail
  // is taken.
  virtual Result<User> Insert(User user) = 0;
  // kNotFound when there is no such user.
  virtual Result<User> Get(UserId id) = 0;
  // `email` is compared case-insensitively.
  virtual Result<std::optional<User>> FindByEmail(const std::string& email) = 0;
  virtual Status Update(const User& user) = 0;
  virtual Result<std::int64_t> Count() = 0;
  // Active users of any of `roles` whose name or e-mail contains `text`
  // (empty: any; case-insensitive for ASCII letters), by name, at most
  // `limit`.
  virtual Result<std::vector<User>> FindActive(const std::vector<Role>& roles,
                                               const std::string& text, int limit) = 0;
  // Users matching `query`, by id.
  virtual Result<std::vector<User>> List(const UserQuery& query) = 0;
};

class CompanyRepo {
 public:
  virtual ~CompanyRepo() = default;
  // kConflict when the name is taken.
  virtual Result<Company> Insert(Company company) = 0;
  virtual Result<Company> Get(CompanyId id) = 0;
  virtual Result<std::optional<Company>> FindByName(const std::string& name) = 0;
  virtual Result<std::vector<Company>> List() = 0;
  // Stores name and share_tickets. kNotFound, or kConflict when the name is taken.
  virtual Status Update(const Company& company) = 0;
};

class GroupRepo {
 public:
  virtual ~GroupRepo() = default;
  // kConflict when the slug is taken.
  virtual Result<Group> Insert(Group group) = 0;
  virtual Result<Group> Get(GroupId id) = 0;
  virtual Result<std::optional<Group>> FindBySlug(const std::string& slug) = 0;
  virtual Result<std::vector<Group>> List() = 0;
  // Stores name and tier (the slug never changes). kNotFound.
  virtual Status Update(const Group& group) = 0;
  // A group's members, by user id; a user may be in several groups.
  virtual Result<std::vector<UserId>> ListMembers(GroupId group) = 0;
  // Makes `members` the group's members (replacing the previous ones).
  virtual Status SetMembers(GroupId group, const std::vector<UserId>& members) = 0;
  // The groups a user is a member of, by group id.
  virtual Result<std::vector<GroupId>> GroupsOf(UserId user) = 0;
  // Inserts or updates the category with this slug.
  virtual Status UpsertCategory(const Category& category) = 0;
  virtual Result<std::optional<Category>> FindCategory(const std::string& slug) = 0;
  virtual Result<std::vector<Category>> ListCategories() = 0;
};

// Which tickets to list. Empty optionals do not filter.
struct TicketQuery {
  // Customer view: tickets initiated by `initiator_id`, or of `company_id`
  // when that is set as well (the company shares its tickets). `company_id`
  // alone: the company's tickets (a staff filter).
  std::optional<UserId> initiator_id;
  std::optional<CompanyId> company_id;
  // Staff queue filters.
  std::vector<TicketStatus> statuses;
  std::optional<GroupId> group_id;
  std::vector<GroupId> group_ids;  // any of these (a person's groups)
  std::optional<int> tier;
  std::optional<UserId> assignee_id;
  bool unassigned_only = false;
  // Either view: only these support levels, criticalities or channels (any
  // of each list), only this category.
  std::vector<std::string> levels;
  std::vector<Criticality> criticalities;
  std::vector<std::string> channels;
  std::optional<std::string> category;
  // Only tickets whose business process is in one of these states.
  std::vector<std::string> states;
  // Only tickets whose current state's round holds no vote of this person
  // (the RfC board's "awaiting my vote").
  std::optional<UserId> not_voted_by;
  // Only tickets with a running SLA clock due at this instant or earlier.
  std::optional<Timestamp> due_before;
  // Only tickets created in [created_from, created_to).
  std::optional<Timestamp> created_from;
  std::optional<Timestamp> created_to;
  // The reading rules of roles that read by the business process (DOMAIN.md
  // §3; service/access.hpp CanReadOnProcess): when set, only tickets the
  // reader may read are listed.
  struct ProcessReader {
    UserId user;                // tickets assigned to the reader are always listed
    std::string owner;          // a ticket on a process: this owner ("role:tester")...
    bool current_only = false;  // ...owns its current state, or any state on its path
    // A ticket on no process: only this tier (the integrator's 3); unset: all.
    std::optional<int> tier_without_process;
  };
  std::optional<ProcessReader> process_reader;
  bool newest_first = true;  // order by id descending, else ascending
  // Order by the SLA clock's nearest due instant (tickets without a clock
  // last), then id; `after` then continues after that ticket in this order.
  bool by_due = false;
  // Keyset pagination: only tickets after this id in the chosen order.
  std::optional<TicketId> after;
  int limit = 50;  // at most this many
};

class TicketRepo {
 public:
  virtual ~TicketRepo() = default;
  // Stores a new ticket, assigning id and number; version starts at 1.
  // ticket.sla->due, when set, is stored as the queues' due-date sort key
  // (SlaRepo::InsertClock keeps it so for a clock stored afterwards).
  virtual Result<Ticket> Insert(Ticket ticket) = 0;
  // kNotFound when there is no such ticket.
  virtual Result<Ticket> Get(TicketId id) = 0;
  // Writes every mutable field of `ticket` if the stored version still equals
  // ticket.version, then increments ticket.version. kPreconditionFailed when
  // someone else updated the ticket first (nothing is written).
  virtual Status Update(Ticket& ticket) = 0;
  virtual Result<std::vector<Ticket>> List(const TicketQuery& query) = 0;
  virtual Result<std::int64_t> Count() = 0;
  // How many tickets match `query`'s filters (its order, cursor and limit
  // are ignored).
  virtual Result<std::int64_t> CountMatching(const TicketQuery& query) = 0;
};

class MessageRepo {
 public:
  virtual ~MessageRepo() = default;
  // Stores the message (not its attachments) and returns it with its id.
  virtual Result<Message> Insert(Message message) = 0;
  // Messages in posting order, with their attachments; internal notes only
  // when `include_internal`.
  virtual Result<std::vector<Message>> ListForTicket(TicketId ticket, bool include_internal) = 0;
  virtual Result<Message> Get(MessageId id) = 0;
};

class AttachmentRepo {
 public:
  virtual ~AttachmentRepo() = default;
  virtual Result<Attachment> Insert(Attachment attachment) = 0;
  // kNotFound when there is no such attachment.
  virtual Result<Attachment> Get(AttachmentId id) = 0;
  // Links an uploaded attachment to the message that carries it.
  virtual Status AttachToMessage(AttachmentId id, MessageId message) = 0;
};

// The bytes of blobs the database keeps (BlobStore::KeepsInDatabase), by their
// SHA-256 hex. Content-addressed: a second Put of the same hash is a no-op.
class BlobRepo {
 public:
  virtual ~BlobRepo() = default;
  virtual Status Put(const std::string& sha256, std::string_view bytes) = 0;
  // nullopt when the database has no blob with this hash.
  virtual Result<std::optional<std::string>> Get(const std::string& sha256) = 0;
};

class EventRepo {
 public:
  virtual ~EventRepo() = default;
  // Appends to the ticket's history and returns the event with its id.
  virtual Result<Event> Append(Event event) = 0;
  // The history in order; internal events only when `include_internal`.
  virtual Result<std::vector<Event>> ListForTicket(TicketId ticket, bool include_internal) = 0;
  // Events of every ticket with `after` < id <= `up_to`, in id order, at most
  // `limit` of them (the live-update feed and its resumption read these).
  virtual Result<std::vector<Event>> ListAfter(EventId after, EventId up_to, int limit) = 0;
  // The events among `ids` that are stored (committed and visible), in id
  // order; ids not found are left out.
  virtual Result<std::vector<Event>> ListByIds(const std::vector<EventId>& ids) = 0;
  // The highest event id stored, or 0 when there is none.
  virtual Result<EventId> LastId() = 0;
};

class FeedbackRepo {
 public:
  virtual ~FeedbackRepo() = default;
  virtual Result<Feedback> Insert(Feedback feedback) = 0;
  virtual Result<std::vector<Feedback>> ListForTicket(TicketId ticket) = 0;
};

class AuthRepo {
 public:
  virtual ~AuthRepo() = default;
  virtual Status InsertSession(const Session& session) = 0;
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Result<ApiToken> InsertApiToken(ApiToken token) = 0;
  virtual Result<std::optional<ApiToken>> FindApiToken(const std::string& token_hash) = 0;
  // Login throttling: failures are recorded per key (e-mail or address).
  virtual Status RecordLoginFailure(const std::string& key, Timestamp at) = 0;
  virtual Result<std::int64_t> CountLoginFailures(const std::string& key, Timestamp since) = 0;
  // The time of the n-th most recent failure of `key` since `since` (1: the
  // latest); nullopt when there are fewer. Tells when a throttle lifts.
  virtual Result<std::optional<Timestamp>> NthLatestLoginFailure(const std::string& key,
                                                                 Timestamp since, int n) = 0;
  virtual Status ClearLoginFailures(const std::string& key) = 0;
};

class IdempotencyRepo {
 public:
  virtual ~IdempotencyRepo() = default;
  virtual Result<std::optional<IdempotencyRecord>> Find(UserId user, const std::string& key) = 0;
  // kConflict when (user, key) is already recorded.
  virtual Status Insert(const IdempotencyRecord& record) = 0;
};

}  // namespace hd::core::ports
