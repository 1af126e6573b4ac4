#include "service/mail/intake.hpp"

#include <algorithm>
#include <utility>

#include "service/crypto.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/mail/intake_people.hpp"
#include "service/mail/intake_prepared.hpp"
#include "service/mail/intake_rules.hpp"
#include "service/mail/reply_address.hpp"
#include "service/uploads.hpp"

namespace hd::service {

using core::ports::InboundStatus;
using core::ports::Tx;

namespace {

constexpr std::size_t kMaxSubject = 300;
constexpr std::size_t kMaxBody = 100'000;

std::string Clip(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

// The files of a mail as uploads: those within the attachment limits. What
// is left out stays in the raw message, one click away.
std::vector<UploadedFile> MailFiles(const core::InboundMail& mail, const Options& options) {
  std::vector<UploadedFile> files;
  for (const core::MailAttachment& a : mail.attachments) {
    if (files.size() >= options.max_attachments_per_message) break;
    if (a.bytes.empty() || a.bytes.size() > options.max_attachment_bytes) continue;
    std::string name = a.filename.empty() ? "attachment" : Clip(a.filename, 255);
    files.push_back({std::move(name), a.content_type, a.bytes});
  }
  return files;
}

std::string Subject(const core::InboundMail& mail) {
  std::string subject = Clip(mail.subject, kMaxSubject);
  const bool blank = std::all_of(subject.begin(), subject.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  });
  return blank ? std::string("(no subject)") : subject;
}

std::string Body(std::string_view text) {
  const auto end = text.find_last_not_of(" \t\r\n");
  text = end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1);
  std::string body = Clip(std::string(text), kMaxBody);
  const bool blank = body.find_first_not_of(" \t\r\n") == std::string::npos;
  return blank ? std::string("(empty message)") : body;
}

}  // namespace

MailIntake::MailIntake(core::ports::Store& store, core::ports::BlobStore& blobs,
                       const core::Clock& clock, const core::ports::MailCodec& codec,
                       const Tickets& tickets, const Conversation& conversation, Options options,
                       MailOptions mail)
    : store_(store),
      blobs_(blobs),
      clock_(clock),
      codec_(codec),
      tickets_(tickets),
      conversation_(conversation),
      options_(options),
      mail_(std::move(mail)) {}

Result<IngestOutcome> MailIntake::Ingest(const IngestInput& input) {
  if (input.raw.size() > mail_.max_message_bytes) return Reject(input);
  // The raw message is kept with whatever the intake decides: in the same
  // commit when the database keeps it (Record), else stored before anything
  // else happens.
  const bool raw_inline = blobs_.KeepsInDatabase(input.raw.size());
  std::string sha256;
  if (raw_inline) {
    sha256 = Sha256Hex(input.raw);
  } else {
    HD_ASSIGN_OR_RETURN(sha256, blobs_.Put(input.raw));
  }
  HD_ASSIGN_OR_RETURN(Prepared p, Prepare(input, std::move(sha256)));
  p.raw_inline = raw_inline;
  IngestOutcome out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    out = IngestOutcome{};  // the database may run this function again
    return Decide(tx, p, out);
  }));
  return out;
}

Result<MailIntake::Prepared> MailIntake::Prepare(const IngestInput& input, std::string sha256) {
  Prepared p{input, codec_.Parse(input.raw), std::move(sha256), {}, {}, clock_.Now(), {}};
  p.sender = LowerAddress(p.mail.from.address);
  if (!p.mail.is_bounce && !p.mail.auto_submitted && p.mail.loop_header.empty()) {
    auto stored = StoreUploads(blobs_, options_, MailFiles(p.mail, options_));
    if (!stored.ok() && stored.error().code == ErrorCode::kUnavailable) {
      return std::move(stored).error();
    }
    if (stored.ok()) p.uploads = std::move(*stored);
  }
  return p;
}

Status MailIntake::Decide(Tx& tx, const Prepared& p, IngestOutcome& out) {
  if (!p.mail.message_id.empty()) {
    HD_ASSIGN_OR_RETURN(auto earlier, tx.Mail().FindInboundByMessageId(p.mail.message_id));
    if (earlier) {
      out = IngestOutcome{earlier->status,    true,       false,
                          earlier->ticket_id, 0,          earlier->message_ref,
                          earlier->reason,    earlier->id};
      return Ok();
    }
  }
  if (!p.mail.loop_header.empty()) {
    out.status = InboundStatus::kIgnored;
    out.reason = "our own mail came back (" + std::string(core::kLoopHeader) + ")";
    return Record(tx, p, out);
  }
  if (p.mail.is_bounce) return OnBounce(tx, p, out);
  if (p.sender.find('@') == std::string::npos) {
    out.status = InboundStatus::kHeld;
    out.reason = "the sender's address cannot be read";
    return Record(tx, p, out);
  }
  HD_ASSIGN_OR_RETURN(std::string secret, Secret(tx));
  HD_ASSIGN_OR_RETURN(auto match, FindThreadTicket(tx, p.mail, p.sender, secret, mail_));
  if (match) return OnTicketMail(tx, p, std::move(match->ticket), match->signed_for_sender, out);
  return OpenTicket(tx, p, out);
}

Status MailIntake::OnTicketMail(Tx& tx, const Prepared& p, core::Ticket ticket,
                                bool signed_for_sender, IngestOutcome& out) {
  HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail(p.sender));
  // An operator releasing held mail has decided that it belongs here.
  bool may_write = signed_for_sender || p.release.has_value();
  if (!may_write) {
    HD_ASSIGN_OR_RETURN(may_write, MayWriteByMail(tx, ticket, p.sender, user));
  }
  if (!may_write) {
    if (mail_.stranger_policy != "hold") return OpenTicket(tx, p, out);
    out.status = InboundStatus::kHeld;
    out.reason = "names ticket #" + std::to_string(ticket.number) +
                 " but does not come from one of its participants";
    return Record(tx, p, out);
  }
  out.ticket = ticket.id;
  out.ticket_number = ticket.number;
  if (p.mail.auto_submitted) {
    // An out-of-office answer to our mail: support sees it, nobody answers.
    HD_ASSIGN_OR_RETURN(auto note, AddSystemNote(tx, ticket, AutomaticNote(p.mail), p.now));
    out.message = note.id;
    out.reason = "automatic reply: " + p.mail.auto_reason;
    return Record(tx, p, out);
  }
  if (!user) {
    HD_ASSIGN_OR_RETURN(user, RegisterSender(tx, p.mail.from, p.sender, p.now));
  }
  const Actor actor = Actor::From(*user);
  PostMessageInput in;
  in.body = Body(p.mail.reply_text.empty() ? p.mail.body_text : p.mail.reply_text);
  in.internal = actor.staff() && ToCommentAddress(p.mail, mail_);
  in.channel = "email";
  HD_ASSIGN_OR_RETURN(core::Message m,
                      conversation_.PostIn(tx, actor, ticket, in, p.uploads, p.now));
  out.message = m.id;
  return Record(tx, p, out);
}

Status MailIntake::OpenTicket(Tx& tx, const Prepared& p, IngestOutcome& out) {
  if (p.mail.auto_submitted) {
    out.status = InboundStatus::kIgnored;
    out.reason = "automatic mail opens no ticket: " + p.mail.auto_reason;
    return Record(tx, p, out);
  }
  // A route configured wrong must not block the mailbox: the mail waits.
  HD_ASSIGN_OR_RETURN(auto route_problem,
                      RouteProblem(tx, p.input.route.category, p.input.route.group));
  if (route_problem) {
    out.status = InboundStatus::kHeld;
    out.reason = *route_problem;
    return Record(tx, p, out);
  }
  HD_ASSIGN_OR_RETURN(auto recent,
                      tx.Mail().CountInboundFrom(p.sender, p.now - std::chrono::hours(1)));
  if (!p.release && recent >= mail_.max_new_tickets_per_hour) {
    out.status = InboundStatus::kHeld;
    out.reason = "more than " + std::to_string(mail_.max_new_tickets_per_hour) +
                 " mails from this sender within an hour";
    return Record(tx, p, out);
  }
  HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail(p.sender));
  const bool new_account = !user.has_value();
  if (!user) {
    HD_ASSIGN_OR_RETURN(user, RegisterSender(tx, p.mail.from, p.sender, p.now));
  }
  if (user->disabled) {
    out.status = InboundStatus::kHeld;
    out.reason = "the sender's account is disabled";
    return Record(tx, p, out);
  }
  CreateTicketInput in;
  in.subject = Subject(p.mail);
  in.body = Body(p.mail.body_text);
  in.category = p.input.route.category;
  in.channel = "email";
  const Actor actor = Actor::From(*user);
  HD_ASSIGN_OR_RETURN(NewTicket created, tickets_.CreateIn(tx, actor, in, p.uploads, p.now));
  HD_RETURN_IF_ERROR(RouteToGroup(tx, created.ticket, p.input.route.group));
  for (const core::MailAddress& other : OtherRecipients(p.mail, p.sender, mail_)) {
    HD_RETURN_IF_ERROR(
        tx.Mail().AddParticipant({created.ticket.id, other.address, other.name, p.now}));
  }
  if (!p.mail.suppress_auto_reply) {
    const auto kind = new_account ? mail_kind::kTicketCreatedNewAccount : mail_kind::kTicketCreated;
    HD_RETURN_IF_ERROR(QueueCustomerMail(tx, created.ticket, kind, std::nullopt,
                                         "Your ticket is registered.", p.now));
  }
  out.new_ticket = true;
  out.ticket = created.ticket.id;
  out.ticket_number = created.ticket.number;
  out.message = created.first.id;
  return Record(tx, p, out);
}

Status MailIntake::OnBounce(Tx& tx, const Prepared& p, IngestOutcome& out) {
  out.status = InboundStatus::kBounce;
  std::optional<core::TicketId> ticket;
  if (!p.mail.bounce.original_message_id.empty()) {
    HD_ASSIGN_OR_RETURN(ticket, tx.Mail().FindTicketByMessageId(p.mail.bounce.original_message_id));
  }
  if (!ticket && p.mail.in_reply_to) {
    HD_ASSIGN_OR_RETURN(ticket, tx.Mail().FindTicketByMessageId(*p.mail.in_reply_to));
  }
  const std::string why = BounceWords(p.mail.bounce);
  for (const std::string& address : p.mail.bounce.failed_recipients) {
    HD_RETURN_IF_ERROR(tx.Mail().MarkFailing({LowerAddress(address), why, ticket, p.now}));
  }
  out.reason = why;
  if (ticket) {
    HD_ASSIGN_OR_RETURN(core::Ticket t, tx.Tickets().Get(*ticket));
    HD_ASSIGN_OR_RETURN(auto note,
                        AddSystemNote(tx, t, "Mail could not be delivered: " + why, p.now));
    out.ticket = t.id;
    out.ticket_number = t.number;
    out.message = note.id;
  }
  return Record(tx, p, out);
}

Status MailIntake::Record(Tx& tx, const Prepared& p, IngestOutcome& out) {
  if (p.raw_inline) {
    HD_RETURN_IF_ERROR(tx.Blobs().Put(p.sha256, p.input.raw));
  }
  core::ports::InboundRecord r;
  r.source = p.input.source;
  r.source_key = p.input.source_key;
  r.message_id = p.mail.message_id;
  r.sha256 = p.sha256;
  r.size = static_cast<std::int64_t>(p.input.raw.size());
  r.from_address = p.sender;
  r.subject = Clip(p.mail.subject, kMaxSubject);
  r.status = out.status;
  r.reason = out.reason;
  r.ticket_id = out.ticket;
  r.message_ref = out.message;
  r.received_at = p.now;
  if (p.release) {
    HD_ASSIGN_OR_RETURN(core::ports::InboundRecord held, tx.Mail().GetInbound(*p.release));
    r.id = held.id;
    r.received_at = held.received_at;
    HD_RETURN_IF_ERROR(tx.Mail().UpdateInbound(r));
  } else {
    HD_ASSIGN_OR_RETURN(r, tx.Mail().InsertInbound(std::move(r)));
  }
  out.inbound_id = r.id;
  return Ok();
}

Result<IngestOutcome> MailIntake::Reject(const IngestInput& input) {
  // Only the header is read: the body is not kept.
  const auto end = input.raw.find("\n\n");
  const auto crlf = input.raw.find("\r\n\r\n");
  const std::size_t head = std::min(end, crlf) == std::string::npos
                               ? std::min<std::size_t>(input.raw.size(), 64 * 1024)
                               : std::min(end, crlf);
  Prepared p{input,       codec_.Parse(std::string_view(input.raw).substr(0, head)), "", {}, {},
             clock_.Now()};
  p.sender = LowerAddress(p.mail.from.address);
  IngestOutcome out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    out = IngestOutcome{};
    out.status = InboundStatus::kRejected;
    out.reason = "larger than the limit of " + std::to_string(mail_.max_message_bytes) + " bytes";
    if (!p.mail.message_id.empty()) {
      HD_ASSIGN_OR_RETURN(auto earlier, tx.Mail().FindInboundByMessageId(p.mail.message_id));
      if (earlier) {
        out.duplicate = true;
        return Ok();
      }
    }
    HD_RETURN_IF_ERROR(
        TellTooLarge(tx, p.mail, p.sender, input.raw.size(), mail_.max_message_bytes, p.now));
    return Record(tx, p, out);
  }));
  return out;
}

Result<std::string> MailIntake::Secret(Tx& tx) { return tx.Mail().ServerSecret("mail_reply"); }

}  // namespace hd::service
