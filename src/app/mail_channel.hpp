// MailChannel: the mail adapter wired to the use cases for one command —
// the codec (GMime), the SMTP sender, the configured mailboxes, the intake
// and the outbox's sender — from the `mail:` settings. The only place that
// names the concrete mail classes. Destroy it before the runtime.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/runtime.hpp"
#include "core/error.hpp"
#include "core/ports/mail.hpp"
#include "jobs/scheduler.hpp"
#include "service/mail/delivery.hpp"
#include "service/mail/intake.hpp"
#include "service/mail/mail_counters.hpp"

namespace hd::app {

struct ConfiguredMailbox {
  std::unique_ptr<core::ports::MailSource> source;
  MailboxConfig config;
};

struct MailChannel {
  std::unique_ptr<core::ports::MailCodec> codec;
  std::unique_ptr<core::ports::MailSender> sender;  // null when mail.smtp.url is empty
  std::vector<ConfiguredMailbox> mailboxes;         // IMAP, POP3 and Maildir
  service::MailCounters counters;
  std::unique_ptr<service::MailIntake> intake;
  std::unique_ptr<service::MailDelivery> delivery;  // null without a sender
};

// The mail use cases' options from the configuration.
service::MailOptions MailOptionsFrom(const Config& config);

// Builds the channel (does not connect). kInvalidArgument naming the
// setting for a bad mailbox or SMTP URL; kInternal when the mail templates
// under config_dir/templates/mail cannot be read.
Result<std::unique_ptr<MailChannel>> OpenMailChannel(const Config& config, Runtime& runtime);

// Adds a poll job per mailbox and the send job (when there is a sender).
void AddMailJobs(jobs::Scheduler& scheduler, MailChannel& channel, Runtime& runtime,
                 const Config& config);

// The counters in the Prometheus text format.
std::string MailMetricsText(const service::MailCounters& counters);

}  // namespace hd::app
