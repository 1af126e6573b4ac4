// MailDelivery: the sender side of the one outbox. Each notification for a
// user is rendered with its template in the user's language and time zone,
// composed (MailCodec), and handed to the SMTP server (MailSender); the
// attempt, the Message-ID and the server's answer are recorded. A server
// that is down or answers 4xx is tried again with growing pauses; a mail
// still undelivered MailOptions::give_up after it was queued is marked
// failed, which staff see (GET /api/v1/admin/mail).
//
// Once per notification: the Message-ID is fixed before the first attempt,
// and a mail is marked sent in the transaction right after the server took
// it. Only a crash between those two can repeat it, under the same
// Message-ID, which mail clients show once.
//
// One RunOnce at a time (the mail-send job holds a lease); blocking.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/mail.hpp"
#include "core/ports/store.hpp"
#include "service/mail/mail_options.hpp"
#include "service/templates.hpp"

namespace hd::service {

struct DeliveryScan {
  int examined = 0;
  int sent = 0;
  int retried = 0;  // failed this time, tried again later
  int failed = 0;   // given up
  int skipped = 0;  // nothing to mail (opted out, disabled, no address)
};

class MailDelivery {
 public:
  // `templates` holds "<language>/<kind>.subject|txt|html" (app/ reads
  // config/defaults/templates/mail/).
  MailDelivery(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock,
               const core::ports::MailCodec& codec, core::ports::MailSender& sender,
               TemplateSet templates, MailOptions options);

  // Sends up to `limit` due mails. Errors of single mails are recorded on
  // them; kUnavailable only when the database cannot be read or written.
  Result<DeliveryScan> RunOnce(int limit);

 private:
  struct Draft;
  Result<std::optional<Draft>> Prepare(const core::ports::MailDelivery& due);
  Status Deliver(const core::ports::MailDelivery& due, Draft& draft, DeliveryScan& scan);
  Status Fail(const core::ports::MailDelivery& due, int attempts, const Error& error,
              DeliveryScan& scan);

  core::ports::Store& store_;
  core::ports::BlobStore& blobs_;
  const core::Clock& clock_;
  const core::ports::MailCodec& codec_;
  core::ports::MailSender& sender_;
  TemplateSet templates_;
  MailOptions options_;
};

}  // namespace hd::service
