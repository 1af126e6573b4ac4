#include "service/tickets.hpp"

#include <algorithm>
#include <string>

#include "service/access.hpp"
#include "service/desk/queues.hpp"
#include "service/history.hpp"
#include "service/l1/hints.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/uploads.hpp"
#include "service/validation.hpp"
#include "service/visibility.hpp"

namespace hd::service {

using core::EventKind;
using core::ports::Tx;

namespace {

constexpr std::size_t kMaxSubject = 300;
constexpr std::size_t kMaxBody = 100'000;
constexpr std::size_t kMaxGuided = 20'000;
constexpr std::size_t kMaxIdempotencyKey = 255;

Status ValidateCreate(const Actor& actor, const CreateTicketInput& in) {
  HD_RETURN_IF_ERROR(CheckText(in.subject, "subject", kMaxSubject, true));
  HD_RETURN_IF_ERROR(CheckText(in.body, "body", kMaxBody, true));
  HD_RETURN_IF_ERROR(CheckText(in.category, "category", 64, false));
  HD_RETURN_IF_ERROR(CheckText(in.sources_searched, "sources_searched", kMaxGuided, false));
  HD_RETURN_IF_ERROR(CheckText(in.steps, "steps", kMaxGuided, false));
  HD_RETURN_IF_ERROR(CheckText(in.expected, "expected", kMaxGuided, false));
  HD_RETURN_IF_ERROR(CheckText(in.actual, "actual", kMaxGuided, false));
  if (in.idempotency_key.size() > kMaxIdempotencyKey) {
    return Error::InvalidArgument("Idempotency-Key is longer than 255 characters",
                                  "Idempotency-Key");
  }
  if (!in.criticality.empty() && !core::ParseCriticality(in.criticality)) {
    return Error::InvalidArgument("criticality must be low, normal, high or critical",
                                  "criticality");
  }
  if (!actor.staff() && !in.criticality.empty()) {
    return Error::Forbidden("support sets the criticality of a ticket");
  }
  if (!actor.staff() && !in.on_behalf_of.empty()) {
    return Error::Forbidden("only staff register tickets on behalf of a customer");
  }
  if (!core::IsKnownChannel(in.channel)) {
    return Error::InvalidArgument("channel must be web, email, phone or api", "channel");
  }
  return Ok();
}

// The customer a ticket is for: the actor (who carries their id and company
// already), or the customer staff registers it for.
Result<Actor> ResolveInitiator(Tx& tx, const Actor& actor, const std::string& on_behalf_of) {
  if (on_behalf_of.empty()) return actor;
  HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail(Trim(on_behalf_of)));
  if (!user || user->role != core::Role::kCustomer) {
    return Error::InvalidArgument("no customer has the e-mail " + on_behalf_of, "on_behalf_of");
  }
  return Actor::From(*user);
}

// Returns the earlier ticket when this key was used for the same request.
Result<std::optional<core::Ticket>> Replay(Tx& tx, const Actor& actor,
                                           const CreateTicketInput& in) {
  if (in.idempotency_key.empty()) return std::optional<core::Ticket>();
  HD_ASSIGN_OR_RETURN(auto record, tx.Idempotency().Find(actor.id, in.idempotency_key));
  if (!record) return std::optional<core::Ticket>();
  if (record->request_hash != in.fingerprint) {
    return Error::Conflict("this Idempotency-Key was used for a different request",
                           "idempotency-key-reused");
  }
  HD_ASSIGN_OR_RETURN(core::Ticket ticket, tx.Tickets().Get(record->ticket_id));
  return std::optional<core::Ticket>(std::move(ticket));
}

}  // namespace

Tickets::Tickets(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock,
                 Options options, const ProcessEngine& processes)
    : store_(store), blobs_(blobs), clock_(clock), options_(options), processes_(processes) {}

Result<CreatedTicket> Tickets::Create(const Actor& actor, CreateTicketInput in) {
  HD_RETURN_IF_ERROR(ValidateCreate(actor, in));
  HD_ASSIGN_OR_RETURN(auto uploads, StoreUploads(blobs_, options_, in.attachments));
  CreatedTicket out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto earlier, Replay(tx, actor, in));
    if (earlier) {
      // The replay answers what the first request did: the whole ticket.
      HD_RETURN_IF_ERROR(processes_.Describe(tx, actor, *earlier));
      if (sla_ != nullptr) {
        HD_RETURN_IF_ERROR(sla_->Describe(tx, *earlier, clock_.Now(), actor));
      }
      out = CreatedTicket{std::move(*earlier), true};
      return Ok();
    }
    HD_ASSIGN_OR_RETURN(NewTicket created, CreateIn(tx, actor, in, uploads, clock_.Now()));
    HD_RETURN_IF_ERROR(QueueCustomerMail(tx, created.ticket, mail_kind::kTicketCreated,
                                         std::nullopt, "Your ticket is registered.",
                                         created.ticket.created_at));
    out = CreatedTicket{std::move(created.ticket), false};
    return Ok();
  }));
  return out;
}

Status Tickets::Validate(const Actor& actor, const CreateTicketInput& input) {
  return ValidateCreate(actor, input);
}

Result<NewTicket> Tickets::CreateIn(Tx& tx, const Actor& actor, const CreateTicketInput& in,
                                    const std::vector<StoredUpload>& uploads,
                                    core::Timestamp now) const {
  HD_ASSIGN_OR_RETURN(Actor initiator, ResolveInitiator(tx, actor, in.on_behalf_of));
  core::Ticket t;
  t.subject = Trim(in.subject);
  t.category = Trim(in.category);
  if (!t.category.empty()) {
    HD_ASSIGN_OR_RETURN(auto category, tx.Groups().FindCategory(t.category));
    if (!category) return Error::InvalidArgument("unknown category " + t.category, "category");
    t.group_id = category->group_id;
  }
  if (!in.criticality.empty()) t.criticality = *core::ParseCriticality(in.criticality);
  t.initiator_id = initiator.id;
  t.company_id = initiator.company_id;
  t.channel = in.channel;
  // Copied, not moved: the database may run this function again.
  t.sources_searched = in.sources_searched;
  t.steps = in.steps;
  t.expected = in.expected;
  t.actual = in.actual;
  LevelChoice level;
  if (sla_ != nullptr) {
    HD_ASSIGN_OR_RETURN(level, sla_->Choose(tx, initiator, in.coupon, in.channel, now));
    t.support_level = level.level_id;
  }
  t.created_at = t.updated_at = now;
  std::optional<core::TicketSla> clock;
  if (sla_ != nullptr) {
    HD_ASSIGN_OR_RETURN(clock, sla_->Plan(t, level, now, actor));
  }
  HD_ASSIGN_OR_RETURN(t, tx.Tickets().Insert(std::move(t)));
  if (clock) HD_RETURN_IF_ERROR(sla_->Start(tx, t, level, std::move(*clock)));
  HD_RETURN_IF_ERROR(processes_.Start(tx, t, actor, now));
  HD_RETURN_IF_ERROR(AppendEvent(tx, t, actor, EventKind::kCreated, "", "", t.subject));
  core::Message first{{}, t.id, initiator.id, in.body, false, in.channel, now, {}};
  HD_ASSIGN_OR_RETURN(first, tx.Messages().Insert(std::move(first)));
  HD_ASSIGN_OR_RETURN(first.attachments, RecordUploads(tx, first, uploads));
  HD_RETURN_IF_ERROR(l1::ProposeForNewTicket(tx, t.id, t.subject, first.body, now));
  if (!in.idempotency_key.empty()) {
    HD_RETURN_IF_ERROR(tx.Idempotency().Insert(
        core::IdempotencyRecord{actor.id, in.idempotency_key, in.fingerprint, t.id, now}));
  }
  return NewTicket{std::move(t), std::move(first)};
}

Result<core::Ticket> Tickets::Get(const Actor& actor, core::TicketId id) {
  std::optional<core::Ticket> ticket;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(ticket, LoadReadableTicket(tx, actor, id));
    HD_RETURN_IF_ERROR(processes_.Describe(tx, actor, *ticket));
    return sla_ == nullptr ? Ok() : sla_->Describe(tx, *ticket, clock_.Now(), actor);
  }));
  return std::move(*ticket);
}

Result<TicketPage> Tickets::List(const Actor& actor, const ListTicketsInput& in) {
  if (in.limit < 0 || in.limit > options_.max_page_size) {
    return Error::InvalidArgument(
        "limit must be between 1 and " + std::to_string(options_.max_page_size), "limit");
  }
  if (in.scope == Scope::kQueue && !actor.staff()) {
    return Error::Forbidden("the queue is for support staff; use scope=mine");
  }
  if (in.tier && (*in.tier < 1 || *in.tier > 3)) {
    return Error::InvalidArgument("tier must be 1, 2 or 3", "tier");
  }
  for (const std::string& channel : in.channels) {
    if (!core::IsKnownChannel(channel)) {
      return Error::InvalidArgument("channel must be web, email, phone or api", "channel");
    }
  }
  core::ports::TicketQuery q;
  q.limit = (in.limit == 0 ? options_.default_page_size : in.limit) + 1;
  q.after = in.after;
  q.statuses = in.statuses;
  q.tier = in.tier;
  q.unassigned_only = in.unassigned_only;
  q.levels = in.levels;
  q.criticalities = in.criticalities;
  q.channels = in.channels;
  if (!in.category.empty()) q.category = in.category;
  if (in.assignee) {
    if (!actor.staff()) return Error::InvalidArgument("only staff filter by assignee", "assignee");
    q.assignee_id = in.assignee;
  }
  if (in.company) {
    if (!actor.staff()) return Error::InvalidArgument("only staff filter by company", "company");
    q.company_id = in.company;
  }
  q.states = in.states;
  q.created_from = in.created_from;
  q.created_to = in.created_to;
  std::optional<QueueDef> queue;
  if (!in.queue.empty()) {
    HD_ASSIGN_OR_RETURN(queue, FindQueue(actor, processes_, in.queue));
  }
  q.newest_first = in.scope == Scope::kMine;
  q.by_due = in.by_due;
  if (in.scope == Scope::kQueue && ReadsByProcess(actor)) q.process_reader = ProcessReaderOf(actor);
  TicketPage page;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    if (in.scope == Scope::kMine && !actor.staff()) {
      q.initiator_id = actor.id;
      HD_ASSIGN_OR_RETURN(bool shares, CompanyShares(tx, actor));
      if (shares) q.company_id = actor.company_id;
    } else if (in.scope == Scope::kMine) {
      q.assignee_id = actor.id;
    }
    if (!in.group.empty()) {
      HD_ASSIGN_OR_RETURN(auto group, tx.Groups().FindBySlug(in.group));
      if (!group) return Error::InvalidArgument("unknown group " + in.group, "group");
      q.group_id = group->id;
    }
    if (queue) {
      HD_RETURN_IF_ERROR(NarrowToQueue(tx, actor, *queue, clock_.Now(), q));
    }
    HD_ASSIGN_OR_RETURN(page.items, tx.Tickets().List(q));
    HD_RETURN_IF_ERROR(processes_.DescribeAll(tx, actor, page.items));
    return sla_ == nullptr ? Ok() : sla_->DescribeAll(tx, page.items, clock_.Now(), actor);
  }));
  if (static_cast<int>(page.items.size()) == q.limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

}  // namespace hd::service
