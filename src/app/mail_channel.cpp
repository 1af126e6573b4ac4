#include "app/mail_channel.hpp"

#include <spdlog/spdlog.h>

#include "app/process_defaults.hpp"
#include "app/prometheus_text.hpp"
#include "jobs/mail_jobs.hpp"
#include "mail/mime/gmime_codec.hpp"
#include "mail/transport/mail_source.hpp"
#include "mail/transport/smtp_sender.hpp"

namespace hd::app {

namespace {

mail::MailboxOptions MailboxOptionsFrom(const MailboxConfig& box) {
  mail::MailboxOptions o;
  o.url = box.url;
  o.user = box.user;
  o.password = box.password;
  o.bearer = box.bearer;
  o.verify_tls = box.verify_tls;
  o.done = box.done;
  o.done_flag = box.done_flag;
  o.done_folder = box.done_folder;
  return o;
}

Status OpenMailboxes(const Config& config, MailChannel& channel) {
  for (const auto* list : {&config.mail.imap, &config.mail.maildir}) {
    for (const MailboxConfig& box : *list) {
      if (box.url.empty()) continue;
      auto source = mail::OpenMailSource(MailboxOptionsFrom(box));
      if (!source.ok()) {
        return Error::InvalidArgument("mailbox " + box.url + ": " + source.error().message,
                                      list == &config.mail.imap ? "mail.imap" : "mail.maildir");
      }
      channel.mailboxes.push_back({std::move(*source), box});
    }
  }
  return Ok();
}

}  // namespace

service::MailOptions MailOptionsFrom(const Config& config) {
  const MailConfig& m = config.mail;
  service::MailOptions o;
  o.address = m.address;
  o.comment_address = m.comment_address;
  o.from = m.smtp.from;
  o.from_name = m.from_name;
  o.base_url = m.base_url.empty() ? "http://" + config.listen : m.base_url;
  while (!o.base_url.empty() && o.base_url.back() == '/') o.base_url.pop_back();
  o.tag_prefix = m.tag_prefix;
  o.tag_suffix = m.tag_suffix;
  o.stranger_policy = m.stranger_policy;
  o.max_message_bytes = m.max_message_bytes;
  o.max_new_tickets_per_hour = m.max_new_tickets_per_hour;
  o.default_language = m.default_language;
  o.retry_first = std::chrono::seconds(m.retry_first_seconds);
  o.retry_max = std::chrono::seconds(m.retry_max_seconds);
  o.give_up = std::chrono::hours(m.give_up_hours);
  return o;
}

Result<std::unique_ptr<MailChannel>> OpenMailChannel(const Config& config, Runtime& runtime) {
  const MailConfig& m = config.mail;
  if (m.stranger_policy != "new_ticket" && m.stranger_policy != "hold") {
    return Error::InvalidArgument("mail.stranger_policy must be new_ticket or hold",
                                  "mail.stranger_policy");
  }
  if (m.default_language != "ru" && m.default_language != "en") {
    return Error::InvalidArgument("mail.default_language must be ru or en",
                                  "mail.default_language");
  }
  auto channel = std::make_unique<MailChannel>();
  channel->codec = std::make_unique<mail::GMimeCodec>();
  HD_RETURN_IF_ERROR(OpenMailboxes(config, *channel));
  service::Services& s = *runtime.services;
  const service::MailOptions options = MailOptionsFrom(config);
  s.profile.SetDefaults(m.default_language, "Europe/Moscow");
  channel->intake = std::make_unique<service::MailIntake>(
      *runtime.store, *runtime.blobs, runtime.clock, *channel->codec, s.tickets, s.conversation,
      ServiceOptions(config), options);
  s.mail_intake = channel->intake.get();
  if (m.smtp.url.empty()) return channel;
  mail::SmtpOptions smtp;
  smtp.url = m.smtp.url;
  smtp.user = m.smtp.user;
  smtp.password = m.smtp.password;
  smtp.bearer = m.smtp.bearer;
  smtp.starttls = m.smtp.starttls;
  smtp.verify_tls = m.smtp.verify_tls;
  smtp.timeout = std::chrono::seconds(m.smtp.timeout_seconds);
  auto sender = mail::SmtpSender::Create(smtp);
  if (!sender.ok()) {
    return Error::InvalidArgument("mail.smtp: " + sender.error().message, "mail.smtp.url");
  }
  channel->sender = std::move(*sender);
  HD_ASSIGN_OR_RETURN(service::TemplateSet templates, LoadMailTemplates(config));
  channel->delivery = std::make_unique<service::MailDelivery>(
      *runtime.store, *runtime.blobs, runtime.clock, *channel->codec, *channel->sender,
      std::move(templates), options);
  return channel;
}

void AddMailJobs(jobs::Scheduler& scheduler, MailChannel& channel, Runtime& runtime,
                 const Config& config) {
  for (ConfiguredMailbox& box : channel.mailboxes) {
    jobs::MailboxJobOptions options;
    options.every = std::chrono::seconds(box.config.poll_seconds);
    options.parallel = config.mail.ingest_parallel;
    options.route = {box.config.category, box.config.group};
    scheduler.Add(jobs::MailPollJob(*box.source, *channel.intake, runtime.services->mail_admin,
                                    channel.counters, options));
    spdlog::info("mail: reading {} every {}s", box.source->Name(), box.config.poll_seconds);
  }
  if (channel.delivery) {
    scheduler.Add(jobs::MailSendJob(*channel.delivery, channel.counters,
                                    std::chrono::seconds(config.mail.send_seconds)));
    spdlog::info("mail: sending through {}", channel.sender->Name());
  }
}

std::string MailMetricsText(const service::MailCounters& c) {
  std::string text;
  const auto add = [&](const char* name, const char* help, std::uint64_t value) {
    AppendMetric(text, name, "counter", help, value);
  };
  add("hd_mail_received_total", "Messages taken by the intake.", c.received);
  add("hd_mail_accepted_total", "Messages that opened or joined a ticket.", c.accepted);
  add("hd_mail_duplicates_total", "Messages received again (known Message-ID).", c.duplicates);
  add("hd_mail_held_total", "Messages held for an operator.", c.held);
  add("hd_mail_ignored_total", "Automatic messages and loops that named no ticket.", c.ignored);
  add("hd_mail_bounces_total", "Delivery failure reports received.", c.bounces);
  add("hd_mail_rejected_total", "Messages refused as too large.", c.rejected);
  add("hd_mail_sent_total", "Mails handed to the SMTP server.", c.sent);
  add("hd_mail_failed_total", "Mails given up.", c.failed);
  add("hd_mail_retried_total", "Delivery attempts to be repeated.", c.retried);
  add("hd_mail_poll_errors_total", "Mailbox reads that failed.", c.poll_errors);
  return text;
}

}  // namespace hd::app
