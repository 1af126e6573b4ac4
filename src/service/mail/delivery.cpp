#include "service/mail/delivery.hpp"

#include <algorithm>
#include <utility>

#include "service/crypto.hpp"
#include "service/mail/mail_render.hpp"

namespace hd::service {

using core::ports::Tx;

struct MailDelivery::Draft {
  MailFacts facts;
  TemplateSet templates;  // the files' texts with administrators' edits
  std::optional<std::string> skip;
};

MailDelivery::MailDelivery(core::ports::Store& store, core::ports::BlobStore& blobs,
                           const core::Clock& clock, const core::ports::MailCodec& codec,
                           core::ports::MailSender& sender, TemplateSet templates,
                           MailOptions options)
    : store_(store),
      blobs_(blobs),
      clock_(clock),
      codec_(codec),
      sender_(sender),
      templates_(std::move(templates)),
      options_(std::move(options)) {}

Result<DeliveryScan> MailDelivery::RunOnce(int limit) {
  std::vector<core::ports::MailDelivery> due;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(due, tx.Mail().ListDueDeliveries(clock_.Now(), limit));
    return Ok();
  }));
  DeliveryScan scan;
  for (const auto& d : due) {
    ++scan.examined;
    HD_ASSIGN_OR_RETURN(auto draft, Prepare(d));
    if (!draft) {
      ++scan.skipped;
      continue;
    }
    HD_RETURN_IF_ERROR(Deliver(d, *draft, scan));
  }
  return scan;
}

Result<std::optional<MailDelivery::Draft>> MailDelivery::Prepare(
    const core::ports::MailDelivery& due) {
  Draft draft;
  Status read = store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(draft.facts, GatherMailFacts(tx, due));
    HD_ASSIGN_OR_RETURN(draft.templates, EditedMail(tx, templates_));
    return Ok();
  });
  if (!read.ok() && read.error().code != ErrorCode::kNotFound) return std::move(read).error();
  draft.skip = read.ok() ? SkipReason(draft.facts) : std::optional<std::string>("no such user");
  if (!draft.skip) return std::optional<Draft>(std::move(draft));
  HD_RETURN_IF_ERROR(store_.Write(
      [&](Tx& tx) -> Status { return tx.Mail().SkipDelivery(due.note.id, *draft.skip); }));
  return std::optional<Draft>();
}

Status MailDelivery::Deliver(const core::ports::MailDelivery& due, Draft& draft,
                             DeliveryScan& scan) {
  const int attempts = due.attempts + 1;
  const std::string message_id =
      due.message_id.empty() ? "hd." + std::to_string(due.note.id) + "." + RandomToken(9) + "@" +
                                   (options_.message_id_domain.empty() ? options_.Domain()
                                                                       : options_.message_id_domain)
                             : due.message_id;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    return tx.Mail().StartDelivery(due.note.id, message_id, attempts);
  }));
  auto mail = RenderMail(draft.facts, draft.templates, options_, message_id, clock_.Now());
  if (!mail.ok()) return Fail(due, attempts, mail.error(), scan);
  if (draft.facts.message) {
    for (const core::Attachment& a : draft.facts.message->attachments) {
      HD_ASSIGN_OR_RETURN(std::string bytes, blobs_.Get(a.sha256));
      mail->attachments.push_back({a.filename, a.content_type, "", false, "", std::move(bytes)});
    }
  }
  auto raw = codec_.Compose(*mail);
  if (!raw.ok()) return Fail(due, attempts, raw.error(), scan);
  std::vector<std::string> recipients;
  for (const auto& a : mail->to) recipients.push_back(a.address);
  for (const auto& a : mail->cc) recipients.push_back(a.address);
  auto receipt = sender_.Send(mail->from.address, recipients, *raw);
  if (!receipt.ok()) return Fail(due, attempts, receipt.error(), scan);
  ++scan.sent;
  return store_.Write([&](Tx& tx) -> Status {
    return tx.Mail().RecordDelivered(due.note.id, clock_.Now(), receipt->reply);
  });
}

Status MailDelivery::Fail(const core::ports::MailDelivery& due, int attempts, const Error& error,
                          DeliveryScan& scan) {
  const auto now = clock_.Now();
  // Only a server that is away or busy is worth waiting for; a refusal or a
  // mail that cannot be made is final.
  const bool transient = error.code == ErrorCode::kUnavailable;
  const bool give_up = !transient || now - due.note.created_at >= options_.give_up;
  auto pause = options_.retry_first;
  for (int i = 1; i < attempts && pause < options_.retry_max; ++i) pause *= 2;
  pause = std::min(pause, options_.retry_max);
  ++(give_up ? scan.failed : scan.retried);
  return store_.Write([&](Tx& tx) -> Status {
    return tx.Mail().RecordDeliveryFailure(due.note.id, attempts, now + pause, error.message,
                                           give_up);
  });
}

}  // namespace hd::service
