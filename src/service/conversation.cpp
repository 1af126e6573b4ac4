#include "service/conversation.hpp"

#include <algorithm>
#include <string>

#include "service/access.hpp"
#include "service/history.hpp"
#include "service/l1/hints.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/uploads.hpp"
#include "service/validation.hpp"
#include "service/visibility.hpp"

namespace hd::service {

using core::EventKind;
using core::TicketStatus;
using core::ports::Tx;

namespace {

// The status a ticket moves to when `actor` posts a public message, or the
// current one. A customer's answer puts the ticket back in support's court;
// support's first answer opens it.
TicketStatus StatusAfterReply(const Actor& actor, TicketStatus current) {
  if (!actor.staff()) {
    const bool waiting = current == TicketStatus::kPending || current == TicketStatus::kResolved ||
                         current == TicketStatus::kClosed;
    return waiting ? TicketStatus::kOpen : current;
  }
  return current == TicketStatus::kNew ? TicketStatus::kOpen : current;
}

// Bumps the ticket for a new message: updated_at, version and maybe status.
// The status of a ticket on a business process follows its state alone
// (`on_process`): a message changes it only by resuming the process.
Status TouchForMessage(Tx& tx, core::Ticket& t, const Actor& actor, const core::Message& m,
                       bool on_process) {
  t.updated_at = m.created_at;
  const bool keep = m.internal || on_process;
  const TicketStatus next = keep ? t.status : StatusAfterReply(actor, t.status);
  const TicketStatus before = t.status;
  t.status = next;
  HD_RETURN_IF_ERROR(tx.Tickets().Update(t));
  if (before != next) {
    HD_RETURN_IF_ERROR(AppendEvent(tx, t, actor, EventKind::kStatusChanged, "status",
                                   std::string(core::ToString(before)),
                                   std::string(core::ToString(next)), false));
  }
  return Ok();
}

// Reads the ticket and the events of its history the actor may read (internal
// ones for staff only) in one read transaction, and hands them to `use`.
// kNotFound when the actor may not read the ticket.
template <class Use>
Status ReadHistory(core::ports::Store& store, const Actor& actor, core::TicketId ticket, Use use) {
  return store.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket t, LoadReadableTicket(tx, actor, ticket));
    HD_ASSIGN_OR_RETURN(auto events, tx.Events().ListForTicket(ticket, CanSeeInternal(actor)));
    return use(tx, t, std::move(events));
  });
}

}  // namespace

Conversation::Conversation(core::ports::Store& store, core::ports::BlobStore& blobs,
                           const core::Clock& clock, Options options,
                           const ProcessEngine& processes)
    : store_(store), blobs_(blobs), clock_(clock), options_(options), processes_(processes) {}

Result<core::Message> Conversation::Post(const Actor& actor, core::TicketId ticket,
                                         PostMessageInput in) {
  HD_RETURN_IF_ERROR(CheckText(in.body, "body", 100'000, true));
  if (in.internal && !actor.staff()) {
    return Error::Forbidden("internal notes are for support staff");
  }
  // Files are stored before the write transaction: check visibility first,
  // so that a stranger stores nothing. (The write checks it again.)
  if (!in.attachments.empty()) {
    HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
      HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
      return Ok();
    }));
  }
  HD_ASSIGN_OR_RETURN(auto uploads, StoreUploads(blobs_, options_, in.attachments));
  core::Message message;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket t, LoadReadableTicket(tx, actor, ticket));
    HD_ASSIGN_OR_RETURN(message, PostIn(tx, actor, t, in, uploads, clock_.Now()));
    return Ok();
  }));
  return message;
}

Result<core::Message> Conversation::PostIn(Tx& tx, const Actor& actor, core::Ticket& t,
                                           const PostMessageInput& in,
                                           const std::vector<StoredUpload>& uploads,
                                           core::Timestamp now) const {
  const core::TicketStatus before = t.status;
  core::Message m{{}, t.id, actor.id, in.body, in.internal, in.channel, now, {}};
  HD_ASSIGN_OR_RETURN(m, tx.Messages().Insert(std::move(m)));
  if (!m.internal) HD_RETURN_IF_ERROR(processes_.ResumeOnReply(tx, t, actor, m.created_at));
  HD_ASSIGN_OR_RETURN(auto process, tx.Processes().ListStates({t.id}));
  HD_RETURN_IF_ERROR(TouchForMessage(tx, t, actor, m, !process.empty()));
  HD_RETURN_IF_ERROR(AppendEvent(tx, t, actor,
                                 m.internal ? EventKind::kNoteAdded : EventKind::kReplied,
                                 "message", "", std::to_string(m.id.value), m.internal));
  HD_ASSIGN_OR_RETURN(m.attachments, RecordUploads(tx, m, uploads));
  // What customers write may hold words for L1 to know of.
  if (!actor.staff()) HD_RETURN_IF_ERROR(l1::ProposeForMessage(tx, t.id, m.body, now));
  if (sla_ != nullptr) HD_RETURN_IF_ERROR(sla_->Refresh(tx, t, m.created_at));
  // Support's public answer reaches the customer by mail; a note never does.
  if (actor.staff() && !m.internal) {
    HD_RETURN_IF_ERROR(QueueChangeMail(tx, t, before, m.id, m.body, now));
  }
  return m;
}

Result<std::vector<core::Message>> Conversation::List(const Actor& actor, core::TicketId ticket) {
  std::vector<core::Message> messages;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
    HD_ASSIGN_OR_RETURN(messages, tx.Messages().ListForTicket(ticket, CanSeeInternal(actor)));
    return Ok();
  }));
  return messages;
}

Result<std::vector<core::Event>> Conversation::History(const Actor& actor, core::TicketId ticket) {
  std::vector<core::Event> history;
  HD_RETURN_IF_ERROR(ReadHistory(store_, actor, ticket,
                                 [&](Tx&, const core::Ticket&, std::vector<core::Event> events) {
                                   history = std::move(events);
                                   return Ok();
                                 }));
  return history;
}

Result<std::vector<WordedEvent>> Conversation::HistoryInWords(const Actor& actor,
                                                              core::TicketId ticket) {
  std::vector<WordedEvent> history;
  HD_RETURN_IF_ERROR(ReadHistory(
      store_, actor, ticket,
      [&](Tx& tx, const core::Ticket& t, std::vector<core::Event> events) -> Status {
        HD_ASSIGN_OR_RETURN(history, InWords(tx, processes_, actor, t, std::move(events)));
        return Ok();
      }));
  return history;
}

Result<core::Feedback> Conversation::GiveFeedback(const Actor& actor, core::TicketId ticket,
                                                  const FeedbackInput& in) {
  if (actor.staff()) return Error::Forbidden("feedback is given by customers");
  if (in.rating < 1 || in.rating > 5) {
    return Error::InvalidArgument("rating must be a whole number from 1 to 5", "rating");
  }
  HD_RETURN_IF_ERROR(CheckText(in.comment, "comment", 5'000, false));
  core::Feedback feedback;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket t, LoadReadableTicket(tx, actor, ticket));
    if (in.message_id) {
      auto rated = tx.Messages().Get(*in.message_id);
      if (!rated.ok() || rated->ticket_id != t.id || rated->internal ||
          rated->author_id == actor.id) {
        return Error::InvalidArgument("message_id must name an answer on this ticket",
                                      "message_id");
      }
    }
    const auto now = clock_.Now();
    core::Feedback f{{}, t.id, actor.id, in.message_id, in.rating, Trim(in.comment), now};
    HD_ASSIGN_OR_RETURN(feedback, tx.Feedback().Insert(std::move(f)));
    t.updated_at = now;
    return AppendEvent(tx, t, actor, EventKind::kFeedbackGiven, "rating", "",
                       std::to_string(in.rating), false);
  }));
  return feedback;
}

Result<std::vector<core::Feedback>> Conversation::ListFeedback(const Actor& actor,
                                                               core::TicketId ticket) {
  std::vector<core::Feedback> items;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
    HD_ASSIGN_OR_RETURN(items, tx.Feedback().ListForTicket(ticket));
    return Ok();
  }));
  return items;
}

Result<Download> Conversation::GetAttachment(const Actor& actor, core::AttachmentId id) {
  std::optional<core::Attachment> attachment;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    const auto missing =
        Error::NotFound("attachment " + std::to_string(id.value) + " does not exist");
    auto found = tx.Attachments().Get(id);
    if (!found.ok()) {
      return found.error().code == ErrorCode::kNotFound ? missing : std::move(found).error();
    }
    if (!LoadReadableTicket(tx, actor, found->ticket_id).ok()) return missing;
    if (found->message_id && !CanSeeInternal(actor)) {
      HD_ASSIGN_OR_RETURN(core::Message m, tx.Messages().Get(*found->message_id));
      if (m.internal) return missing;
    }
    attachment = std::move(found).value();
    return Ok();
  }));
  HD_ASSIGN_OR_RETURN(std::string bytes, blobs_.Get(attachment->sha256));
  return Download{std::move(*attachment), std::move(bytes)};
}

}  // namespace hd::service
