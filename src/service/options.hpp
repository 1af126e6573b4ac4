// Tunables of the use cases. Every field has its default and unit here; app/
// fills them from configuration (docs/configuration.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace hd::service {

struct Options {
  // Largest accepted attachment, in bytes. Default 25 MB.
  std::size_t max_attachment_bytes = 25u * 1024 * 1024;
  // Most attachments on one message.
  std::size_t max_attachments_per_message = 20;
  // Browser session lifetime. Default 14 days.
  std::chrono::seconds session_ttl = std::chrono::hours(24 * 14);
  // Login throttling: after this many failures for one e-mail or one client
  // address within the window, further attempts are refused until the window
  // has passed. Defaults: 5 failures per 15 minutes.
  int login_max_failures = 5;
  std::chrono::seconds login_failure_window = std::chrono::minutes(15);
  // Argon2id cost (libsodium crypto_pwhash): operations and memory in bytes.
  // Defaults are libsodium's "interactive" limits (2 passes, 64 MiB).
  std::uint64_t password_ops_limit = 2;
  std::size_t password_mem_limit = 64u * 1024 * 1024;
  // How many password hashes may run at once (each uses password_mem_limit)
  // for log-ins; sign-ups and new passwords have half as many slots of
  // their own, so a flood of sign-ups never makes log-ins wait.
  int password_hash_concurrency = 4;
  // Sign-ups accepted from one client address within the window; further
  // ones get 429 until the window has passed. Defaults: 20 per hour.
  int signup_max_per_address = 20;
  std::chrono::seconds signup_window = std::chrono::hours(1);
  // How long a checked session or API token is remembered, so repeated
  // requests skip the database read. A user disabled or changed elsewhere
  // is seen within this time; 0 turns the cache off. Default 5 s.
  std::chrono::milliseconds auth_cache_ttl = std::chrono::seconds(5);
  // Most remembered credentials. Default 10,000.
  std::size_t auth_cache_entries = 10000;
  // Page size bounds for listings.
  int default_page_size = 50;
  int max_page_size = 200;
};

}  // namespace hd::service
