// Tunables of the mail use cases. Every field has its default and unit here;
// app/ fills them from the `mail:` settings (docs/configuration.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace hd::service {

struct MailOptions {
  // The address customers write to; our mails come from it and their
  // signed reply-to addresses are made from it (support+<ticket>.<tag>@…).
  std::string address = "support@helpdesk.example";
  // Staff who write to this address add an internal note instead of a
  // public reply. Empty: none.
  std::string comment_address;
  // Who our mails are from ("Support <support@…>"); empty: `address`.
  std::string from;
  std::string from_name = "Support";
  // The web app's address, for links in mails (ticket, password, feedback).
  std::string base_url = "http://127.0.0.1:8080";
  // The ticket tag in subjects: the text before and after the number.
  std::string tag_prefix = "[#";
  std::string tag_suffix = "]";
  // A mail that names a ticket but comes from someone who is not one of its
  // participants: "new_ticket" (it opens a ticket of its own) or "hold"
  // (kept for an operator).
  std::string stranger_policy = "new_ticket";
  // Largest message accepted, in bytes (the sender is told). Default 25 MiB.
  std::size_t max_message_bytes = 25u * 1024 * 1024;
  // A sender may open at most this many tickets per hour; the rest is held.
  int max_new_tickets_per_hour = 20;
  // Language of people who have none set: "ru" or "en".
  std::string default_language = "ru";
  std::string default_time_zone = "Europe/Moscow";
  // Delivery: retries back off from `retry_first` doubling up to
  // `retry_max`, and a mail is given up `give_up` after it was queued.
  std::chrono::seconds retry_first{30};
  std::chrono::seconds retry_max{std::chrono::minutes(30)};
  std::chrono::seconds give_up{std::chrono::hours(48)};
  // Message-ID domain of our mails; empty: the domain of `address`.
  std::string message_id_domain;

  // The domain of `address` ("helpdesk.example").
  std::string Domain() const {
    const auto at = address.rfind('@');
    return at == std::string::npos ? address : address.substr(at + 1);
  }
};

}  // namespace hd::service
