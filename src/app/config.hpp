// Config: every setting of `helpdesk`, from (lowest to highest precedence)
// built-in defaults, a YAML file, HD_* environment variables and command-line
// flags. docs/configuration.md lists each key; config_test checks that it
// does. Plain value; loading is single-threaded at start-up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hd::app {

// One mailbox the intake reads: IMAP or POP3 (url imap://, imaps://,
// pop3://, pop3s://) or a Maildir folder (a path).
struct MailboxConfig {
  std::string url;
  std::string user;
  std::string password;
  std::string bearer;  // an OAuth 2 token (XOAUTH2) instead of the password
  int poll_seconds = 10;
  std::string done = "flag";  // IMAP: "flag" (a keyword) or "move" (to done_folder)
  std::string done_flag = "$HelpdeskDone";
  std::string done_folder = "Processed";
  bool verify_tls = true;
  std::string category;  // where its new tickets go (a category slug)
  std::string group;     // or a staff group slug
};

// The `mail:` settings (docs/configuration.md, docs/mail.md).
struct MailConfig {
  std::string address = "support@helpdesk.example";
  std::string comment_address;
  std::string from_name = "Support";
  std::string base_url;  // links in mails; empty: http://<listen>
  std::string tag_prefix = "[#";
  std::string tag_suffix = "]";
  std::string stranger_policy = "new_ticket";  // or "hold"
  std::size_t max_message_bytes = 25u * 1024 * 1024;
  int max_new_tickets_per_hour = 20;
  std::string default_language = "ru";
  int give_up_hours = 48;
  int retry_first_seconds = 30;
  int retry_max_seconds = 1800;
  int send_seconds = 5;
  int ingest_parallel = 32;
  std::vector<MailboxConfig> imap;  // IMAP and POP3 mailboxes
  std::vector<MailboxConfig> maildir;
  struct Smtp {
    std::string url;  // smtp:// or smtps://; empty: no mail is sent
    std::string from;
    std::string user;
    std::string password;
    std::string bearer;
    bool starttls = false;
    bool verify_tls = true;
    int timeout_seconds = 30;
  } smtp;
};

struct Config {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one
  std::string data_dir = "./data";        // database, attachments
  std::string database;                   // URL; empty = sqlite:<data_dir>/helpdesk.db
  std::string log_level = "info";         // trace, debug, info, warn, error, off
  std::string config_dir;                 // business defaults; empty = built-in search

  // http
  int io_threads = 2;
  int worker_threads = 64;
  int read_worker_threads = 8;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 32u * 1024 * 1024;
  int header_timeout_seconds = 10;
  int request_timeout_seconds = 60;
  int idle_timeout_seconds = 30;
  int max_connections = 4096;
  int drain_timeout_seconds = 20;
  std::string web_root;  // static files of the web app; empty = none
  bool secure_cookies = false;

  // attachments and accounts
  std::size_t max_attachment_bytes = 25u * 1024 * 1024;
  std::size_t inline_blob_bytes = 1024u * 1024;  // kept in the database up to this
  int session_ttl_hours = 24 * 14;
  int auth_cache_seconds = 5;
  int login_max_failures = 5;
  int login_failure_window_seconds = 15 * 60;
  int password_hash_concurrency = 4;
  int signups_per_hour = 20;  // per client address
  std::size_t password_hash_memory_kib = 64 * 1024;

  // storage (SQLite)
  int reader_pool = 8;
  int busy_timeout_ms = 5000;
  int max_batch = 512;

  // background jobs
  bool jobs_enabled = true;                // run the SLA job in `serve`
  int jobs_sla_interval_seconds = 30;      // how often it looks for due warnings and breaches
  int sla_policy_check_seconds = 5;        // how often levels/calendars changed elsewhere are seen
  int jobs_process_interval_seconds = 60;  // how often due timed transitions are fired
  // storage (PostgreSQL): connections each instance opens at most, shared by
  // reads and writes (plus one for live updates)
  int postgres_pool = 16;

  MailConfig mail;

  // The database URL with the default applied.
  std::string DatabaseUrl() const;
};

// One settable key, e.g. "http.worker_threads" (env HD_HTTP_WORKER_THREADS).
struct OptionSpec {
  std::string key;
  std::string help;
  std::function<Status(Config&, std::string_view)> set;
  std::function<std::string(const Config&)> get;
};

// Every key, in documentation order.
const std::vector<OptionSpec>& AllOptions();

// The environment variable of a key: "http.worker_threads" → HD_HTTP_WORKER_THREADS.
std::string EnvName(std::string_view key);

// Applies the YAML file text. kInvalidArgument naming the key (and line) for
// an unknown key or a bad value.
Status ApplyYaml(Config& config, std::string_view yaml_text, std::string_view file_name);

// Applies HD_* variables found through `getenv`. kInvalidArgument naming the
// variable for a bad value.
Status ApplyEnvironment(Config& config, const std::function<const char*(const char*)>& getenv_fn);

// Applies "key=value" overrides (from --set). kInvalidArgument naming the key.
Status ApplyOverride(Config& config, std::string_view assignment);

}  // namespace hd::app
