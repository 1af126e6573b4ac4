// The mail jobs: reading a mailbox into the intake, and sending the outbox.
// Each runs under its own lease (Scheduler), so with many instances on one
// database a mailbox is read, and a mail sent, by one instance at a time.
#pragma once

#include <chrono>
#include <string>

#include "core/ports/mail.hpp"
#include "jobs/scheduler.hpp"
#include "service/mail/delivery.hpp"
#include "service/mail/intake.hpp"
#include "service/mail/mail_admin.hpp"
#include "service/mail/mail_counters.hpp"

namespace hd::jobs {

struct MailboxJobOptions {
  std::chrono::seconds every{10};
  int batch = 200;    // messages taken per pass
  int parallel = 32;  // messages ingested at once (their commits are grouped)
  service::MailRoute route;
};

// Job "mail-poll:<mailbox name>": lists the mailbox's pending messages,
// fetches each, runs it through the intake and marks it done in the mailbox
// only after the intake's change is committed. A crash at any point leaves
// the message pending; taken again, its Message-ID is known and nothing is
// added twice. Stops at the first failure to store (the database is away)
// and tries again next run.
Job MailPollJob(core::ports::MailSource& source, service::MailIntake& intake,
                service::MailAdmin& admin, service::MailCounters& counters,
                MailboxJobOptions options);

// Job "mail-send": delivers what the outbox has due.
Job MailSendJob(service::MailDelivery& delivery, service::MailCounters& counters,
                std::chrono::seconds every);

}  // namespace hd::jobs
