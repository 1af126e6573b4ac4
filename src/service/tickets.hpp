// Tickets: create, read, list and update tickets, with the permission rules
// of DOMAIN.md §3 checked inside. Thread-safe; blocking (worker threads only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"
#include "service/options.hpp"
#include "service/process_engine.hpp"
#include "service/sla_clocks.hpp"

namespace hd::service {

// A file received with a ticket or a message (multipart upload).
struct UploadedFile {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct CreateTicketInput {
  std::string subject;      // required, 1..300 characters
  std::string body;         // required, the description, up to 100,000 characters
  std::string category;     // optional Category slug
  std::string criticality;  // optional: low|normal|high|critical (staff only)
  // The guided fields of DOMAIN.md §1, each optional, up to 20,000 characters.
  std::string sources_searched;
  std::string steps;
  std::string expected;
  std::string actual;
  std::string channel = "web";  // web, email, phone, api
  // A special-request coupon code; empty for none (see SlaClocks::Choose).
  std::string coupon;
  // Staff registering a caller's request: the customer's e-mail.
  std::string on_behalf_of;
  std::vector<UploadedFile> attachments;
  // Idempotency-Key header; empty for none. `fingerprint` identifies the
  // request body so a reused key with a different request is refused.
  std::string idempotency_key;
  std::string fingerprint;
};

struct StoredUpload;  // service/uploads.hpp

// A ticket just registered inside a transaction, with its first message.
struct NewTicket {
  core::Ticket ticket;
  core::Message first;
};

struct CreatedTicket {
  core::Ticket ticket;
  bool replayed = false;  // true when an earlier request with this key created it
};

enum class Scope {
  kMine,   // customer: own (and shared company) tickets; staff: assigned to me
  kQueue,  // staff only: every ticket matching the filters
};

struct ListTicketsInput {
  Scope scope = Scope::kMine;
  std::vector<core::TicketStatus> statuses;
  std::string group;  // Group slug
  std::optional<int> tier;
  bool unassigned_only = false;
  std::optional<core::UserId> assignee;  // staff: tickets assigned to this person
  std::vector<std::string> levels;       // support level ids; any of them
  std::vector<core::Criticality> criticalities;
  std::vector<std::string> channels;            // web, email, phone, api; any of them
  std::string category;                         // a category slug; "" = any
  std::vector<std::string> states;              // process states; any of them
  std::optional<core::CompanyId> company;       // staff: the company's tickets
  std::optional<core::Timestamp> created_from;  // created at or after
  std::optional<core::Timestamp> created_to;    // created before
  std::string queue;                            // one of the actor's queues (desk/queues.hpp)
  std::optional<core::TicketId> after;          // cursor: the last id of the previous page
  bool by_due = false;                          // order by SLA due instant (nearest first)
  int limit = 0;                                // 0 = Options::default_page_size
};

struct TicketPage {
  std::vector<core::Ticket> items;
  std::optional<core::TicketId> next_cursor;  // empty on the last page
};

// Only the fields that are set change. `expected_version` (If-Match) makes a
// stale update fail with kPreconditionFailed instead of overwriting.
struct TicketPatch {
  std::optional<std::string> subject;
  std::optional<std::string> category;
  std::optional<core::TicketStatus> status;
  std::optional<core::Criticality> criticality;
  std::optional<std::optional<core::UserId>> assignee;  // nullopt inside = unassign
  std::optional<std::string> group;                     // Group slug; "" = none
  std::optional<int> tier;
  std::optional<std::int64_t> expected_version;
};

class Tickets {
 public:
  Tickets(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock,
          Options options, const ProcessEngine& processes);

  // Registers a ticket with its first message and attachments, in one
  // transaction, with a "created" event. kInvalidArgument naming the field;
  // kTooLarge for an oversize attachment; kConflict when the idempotency key
  // was used with a different request.
  Result<CreatedTicket> Create(const Actor& actor, CreateTicketInput input);

  // Create's change, for a use case that holds the write transaction itself
  // (the mail intake): `input` is validated by the caller and its files are
  // stored already (`uploads`). Copies what it keeps, so the transaction may
  // run it again. Errors as Create.
  Result<NewTicket> CreateIn(core::ports::Tx& tx, const Actor& actor,
                             const CreateTicketInput& input,
                             const std::vector<StoredUpload>& uploads, core::Timestamp now) const;
  // Create's checks of the input. kInvalidArgument naming the field.
  static Status Validate(const Actor& actor, const CreateTicketInput& input);

  // kNotFound when the ticket does not exist or the actor may not read it.
  Result<core::Ticket> Get(const Actor& actor, core::TicketId id);

  // kForbidden when a customer asks for the staff queue.
  Result<TicketPage> List(const Actor& actor, const ListTicketsInput& input);

  // Applies the patch and records one event per changed field. kForbidden for
  // a change the role may not make; kPreconditionFailed for a stale version;
  // kConflict (reason "status-follows-process", field "status") for a new
  // status on a ticket that runs on a business process, whose status changes
  // only by firing transitions.
  Result<core::Ticket> Update(const Actor& actor, core::TicketId id, const TicketPatch& patch);

  // Keeps SLA clocks for the tickets it creates and changes, and shows them
  // on the tickets it returns. Without it tickets carry no clock.
  void UseSla(const SlaClocks& clocks) { sla_ = &clocks; }
  // The ticket's SLA clock with its timeline; kNotFound as Get, or when the
  // ticket has no clock.
  Result<SlaDetail> Sla(const Actor& actor, core::TicketId id);

 private:
  core::ports::Store& store_;
  core::ports::BlobStore& blobs_;
  const core::Clock& clock_;
  Options options_;
  const ProcessEngine& processes_;
  const SlaClocks* sla_ = nullptr;
};

}  // namespace hd::service
