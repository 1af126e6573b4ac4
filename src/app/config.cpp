#include "app/config.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <charconv>
#include <limits>
#include <type_traits>

namespace hd::app {

namespace {

template <class Int>
Status ParseInt(std::string_view text, std::string_view key, Int min, Int max, Int& out) {
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size() || v < static_cast<long long>(min) ||
      v > static_cast<long long>(max)) {
    return Error::InvalidArgument(std::string(key) + " must be a whole number from " +
                                      std::to_string(min) + " to " + std::to_string(max),
                                  std::string(key));
  }
  out = static_cast<Int>(v);
  return Ok();
}

Status ParseBool(std::string_view text, std::string_view key, bool& out) {
  if (text == "true" || text == "1" || text == "yes" || text == "on") {
    out = true;
  } else if (text == "false" || text == "0" || text == "no" || text == "off") {
    out = false;
  } else {
    return Error::InvalidArgument(std::string(key) + " must be true or false", std::string(key));
  }
  return Ok();
}

OptionSpec Text(std::string key, std::string help, std::string Config::*field) {
  return {key, std::move(help),
          [field](Config& c, std::string_view v) -> Status {
            c.*field = std::string(v);
            return Ok();
          },
          [field](const Config& c) { return c.*field; }};
}

template <class Int>
OptionSpec Number(std::string key, std::string help, Int Config::*field, Int min, Int max) {
  return {key, std::move(help),
          [field, key, min, max](Config& c, std::string_view v) {
            return ParseInt<Int>(v, key, min, max, c.*field);
          },
          [field](const Config& c) { return std::to_string(c.*field); }};
}

OptionSpec Flag(std::string key, std::string help, bool Config::*field) {
  return {key, std::move(help),
          [field, key](Config& c, std::string_view v) { return ParseBool(v, key, c.*field); },
          [field](const Config& c) { return std::string(c.*field ? "true" : "false"); }};
}

// A setting of the `mail:` block: `get` gives the field of a Config.
template <class Field, class Get>
OptionSpec MailSetting(std::string key, std::string help, Get get, Field min = {}, Field max = {}) {
  OptionSpec spec{key, std::move(help), nullptr, nullptr};
  if constexpr (std::is_same_v<Field, std::string>) {
    spec.set = [get](Config& c, std::string_view v) -> Status {
      get(c) = std::string(v);
      return Ok();
    };
    spec.get = [get](const Config& c) {
      Config copy = c;  // `get` may make the first mailbox
      return std::string(get(copy));
    };
  } else if constexpr (std::is_same_v<Field, bool>) {
    spec.set = [get, key](Config& c, std::string_view v) { return ParseBool(v, key, get(c)); };
    spec.get = [get](const Config& c) {
      Config copy = c;
      return std::string(get(copy) ? "true" : "false");
    };
  } else {
    spec.set = [get, key, min, max](Config& c, std::string_view v) {
      return ParseInt<Field>(v, key, min, max, get(c));
    };
    spec.get = [get](const Config& c) {
      Config copy = c;
      return std::to_string(get(copy));
    };
  }
  return spec;
}

// The first IMAP/POP3 mailbox, made when missing: the environment and --set
// name one mailbox; the YAML file lists any number (mail.imap).
MailboxConfig& FirstMailbox(Config& c) {
  if (c.mail.imap.empty()) c.mail.imap.emplace_back();
  return c.mail.imap.front();
}

std::vector<OptionSpec> MailOptions() {
  using S = std::string;
  constexpr std::size_t kMaxBytes = std::size_t{1} << 40;
  return {
      MailSetting<S>("mail.address", "the address customers write to",
                     [](Config& c) -> S& { return c.mail.address; }),
      MailSetting<S>("mail.comment_address",
                     "staff mail to this address becomes an internal note; empty: none",
                     [](Config& c) -> S& { return c.mail.comment_address; }),
      MailSetting<S>("mail.from_name", "the name our mails come from",
                     [](Config& c) -> S& { return c.mail.from_name; }),
      MailSetting<S>("mail.base_url", "the web app's address for links in mails",
                     [](Config& c) -> S& { return c.mail.base_url; }),
      MailSetting<S>("mail.tag_prefix", "text before the ticket number in subjects",
                     [](Config& c) -> S& { return c.mail.tag_prefix; }),
      MailSetting<S>("mail.tag_suffix", "text after the ticket number in subjects",
                     [](Config& c) -> S& { return c.mail.tag_suffix; }),
      MailSetting<S>("mail.stranger_policy",
                     "mail naming a ticket from a non-participant: new_ticket or hold",
                     [](Config& c) -> S& { return c.mail.stranger_policy; }),
      MailSetting<std::size_t>(
          "mail.max_message_bytes", "largest message accepted",
          [](Config& c) -> std::size_t& { return c.mail.max_message_bytes; }, 1024, kMaxBytes),
      MailSetting<int>(
          "mail.max_new_tickets_per_hour",
          "tickets one sender may open per hour; more mail is held",
          [](Config& c) -> int& { return c.mail.max_new_tickets_per_hour; }, 1, 1'000'000),
      MailSetting<S>("mail.default_language", "language of people who set none: ru or en",
                     [](Config& c) -> S& { return c.mail.default_language; }),
      MailSetting<int>(
          "mail.give_up_hours", "an undelivered mail is given up after this",
          [](Config& c) -> int& { return c.mail.give_up_hours; }, 1, 24 * 365),
      MailSetting<int>(
          "mail.retry_first_seconds", "first pause before a delivery is retried",
          [](Config& c) -> int& { return c.mail.retry_first_seconds; }, 1, 86400),
      MailSetting<int>(
          "mail.retry_max_seconds", "longest pause between delivery attempts",
          [](Config& c) -> int& { return c.mail.retry_max_seconds; }, 1, 86400),
      MailSetting<int>(
          "mail.send_seconds", "how often the outbox is sent",
          [](Config& c) -> int& { return c.mail.send_seconds; }, 1, 3600),
      MailSetting<int>(
          "mail.ingest_parallel", "messages of one mailbox ingested at once",
          [](Config& c) -> int& { return c.mail.ingest_parallel; }, 1, 256),
      MailSetting<S>("mail.imap.url", "the first mailbox: imap://, imaps://, pop3://, pop3s://",
                     [](Config& c) -> S& { return FirstMailbox(c).url; }),
      MailSetting<S>("mail.imap.user", "the first mailbox's user",
                     [](Config& c) -> S& { return FirstMailbox(c).user; }),
      MailSetting<S>("mail.imap.password", "the first mailbox's password",
                     [](Config& c) -> S& { return FirstMailbox(c).password; }),
      MailSetting<int>(
          "mail.imap.poll_seconds", "how often the first mailbox is read",
          [](Config& c) -> int& { return FirstMailbox(c).poll_seconds; }, 1, 86400),
      {"mail.maildir", "a Maildir folder the intake reads (adds one)",
       [](Config& c, std::string_view v) -> Status {
         MailboxConfig box;
         box.url = std::string(v);
         c.mail.maildir.push_back(std::move(box));
         return Ok();
       },
       [](const Config& c) { return c.mail.maildir.empty() ? S() : c.mail.maildir.front().url; }},
      MailSetting<S>("mail.smtp.url", "SMTP server: smtp:// or smtps://; empty sends no mail",
                     [](Config& c) -> S& { return c.mail.smtp.url; }),
      MailSetting<S>("mail.smtp.from", "the address our mails come from; empty: mail.address",
                     [](Config& c) -> S& { return c.mail.smtp.from; }),
      MailSetting<S>("mail.smtp.user", "SMTP login",
                     [](Config& c) -> S& { return c.mail.smtp.user; }),
      MailSetting<S>("mail.smtp.password", "SMTP password",
                     [](Config& c) -> S& { return c.mail.smtp.password; }),
      MailSetting<S>("mail.smtp.bearer", "SMTP OAuth 2 token (XOAUTH2) instead of a password",
                     [](Config& c) -> S& { return c.mail.smtp.bearer; }),
      MailSetting<bool>("mail.smtp.starttls", "require STARTTLS on smtp://",
                        [](Config& c) -> bool& { return c.mail.smtp.starttls; }),
      MailSetting<bool>("mail.smtp.verify_tls", "check the server's TLS certificate",
                        [](Config& c) -> bool& { return c.mail.smtp.verify_tls; }),
      MailSetting<int>(
          "mail.smtp.timeout_seconds", "time an SMTP exchange may take",
          [](Config& c) -> int& { return c.mail.smtp.timeout_seconds; }, 1, 3600),
  };
}

// One mailbox of a YAML list: a map of its settings, or a URL / path.
Status ApplyMailbox(MailboxConfig& box, const YAML::Node& node, const std::string& where) {
  if (node.IsScalar()) {
    box.url = node.Scalar();
    return Ok();
  }
  if (!node.IsMap()) return Error::InvalidArgument(where + ": a mailbox is a mapping or a URL");
  for (const auto& item : node) {
    const std::string key = item.first.as<std::string>();
    const std::string value = item.second.IsScalar() ? item.second.Scalar() : std::string();
    const std::string field = "mail mailbox " + key;
    if (key == "url" || key == "path") {
      box.url = value;
    } else if (key == "user") {
      box.user = value;
    } else if (key == "password") {
      box.password = value;
    } else if (key == "bearer") {
      box.bearer = value;
    } else if (key == "poll_seconds") {
      HD_RETURN_IF_ERROR(ParseInt(value, key, 1, 86400, box.poll_seconds));
    } else if (key == "done") {
      if (value != "flag" && value != "move") {
        return Error::InvalidArgument(where + ": done must be flag or move", "done");
      }
      box.done = value;
    } else if (key == "done_flag") {
      box.done_flag = value;
    } else if (key == "done_folder") {
      box.done_folder = value;
    } else if (key == "verify_tls") {
      HD_RETURN_IF_ERROR(ParseBool(value, key, box.verify_tls));
    } else if (key == "category") {
      box.category = value;
    } else if (key == "group") {
      box.group = value;
    } else {
      return Error::InvalidArgument(where + ": unknown mailbox setting " + key, key);
    }
  }
  if (box.url.empty()) return Error::InvalidArgument(where + ": a mailbox needs a url", "url");
  return Ok();
}

Status ApplyMailboxList(Config& config, const std::string& key, const YAML::Node& node,
                        const std::string& where) {
  auto& list = key == "mail.imap" ? config.mail.imap : config.mail.maildir;
  list.clear();
  for (const auto& item : node) {
    MailboxConfig box;
    auto status = ApplyMailbox(box, item, where);
    if (!status.ok()) return Error::InvalidArgument(status.error().message, key);
    list.push_back(std::move(box));
  }
  return Ok();
}

std::vector<OptionSpec> BuildOptions() {
  constexpr std::size_t kMaxBytes = std::size_t{1} << 40;
  return {
      Text("listen", "address and port to serve on; port 0 picks a free port", &Config::listen),
      Text("data", "folder for the SQLite database and attachments", &Config::data_dir),
      Text("database",
           "database URL: sqlite:PATH or postgresql://USER[:PASSWORD]@HOST:PORT/DB; default "
           "sqlite:<data>/helpdesk.db",
           &Config::database),
      {"log_level", "trace, debug, info, warn, error or off",
       [](Config& c, std::string_view v) -> Status {
         for (auto level : {"trace", "debug", "info", "warn", "error", "off"}) {
           if (v == level) {
             c.log_level = std::string(v);
             return Ok();
           }
         }
         return Error::InvalidArgument("log_level must be trace, debug, info, warn, error or off",
                                       "log_level");
       },
       [](const Config& c) { return c.log_level; }},
      Text("config_dir", "folder of business defaults (levels, calendars, processes)",
           &Config::config_dir),
      Number("http.io_threads", "threads running the network I/O", &Config::io_threads, 1, 64),
      Number("http.worker_threads", "threads running changing requests (they wait for commits)",
             &Config::worker_threads, 1, 1024),
      Number("http.read_worker_threads", "threads running GET and HEAD requests",
             &Config::read_worker_threads, 1, 1024),
      Number("http.max_header_bytes", "largest request header block (431 beyond)",
             &Config::max_header_bytes, std::size_t{1024}, std::size_t{1} << 20),
      Number("http.max_body_bytes", "largest request body (413 beyond)", &Config::max_body_bytes,
             std::size_t{1024}, kMaxBytes),
      Number("http.header_timeout_seconds", "time allowed to send the request header",
             &Config::header_timeout_seconds, 1, 3600),
      Number("http.request_timeout_seconds", "time allowed to send a whole request",
             &Config::request_timeout_seconds, 1, 3600),
      Number("http.idle_timeout_seconds", "keep-alive connections idle longer are closed",
             &Config::idle_timeout_seconds, 1, 3600),
      Number("http.max_connections", "open connections beyond this get 503",
             &Config::max_connections, 1, 1'000'000),
      Number("http.drain_timeout_seconds", "on SIGTERM, time in-flight requests get to finish",
             &Config::drain_timeout_seconds, 0, 3600),
      Text("http.web_root",
           "a folder to serve the web app from instead of the one built in (development)",
           &Config::web_root),
      Flag("http.secure_cookies", "mark session cookies Secure (serve behind HTTPS)",
           &Config::secure_cookies),
      Number("attachments.max_bytes", "largest attachment in bytes", &Config::max_attachment_bytes,
             std::size_t{1}, kMaxBytes),
      Number("attachments.inline_bytes",
             "attachments and received mail up to this size are kept in the database (0: none)",
             &Config::inline_blob_bytes, std::size_t{0}, std::size_t{64} << 20),
      Number("auth.cache_seconds", "how long a checked session or API token is remembered (0: off)",
             &Config::auth_cache_seconds, 0, 3600),
      Number("auth.session_ttl_hours", "browser session lifetime", &Config::session_ttl_hours, 1,
             24 * 366),
      Number("auth.login_max_failures", "failed log-ins per e-mail or address before throttling",
             &Config::login_max_failures, 1, 1000),
      Number("auth.login_failure_window_seconds", "window in which failures are counted",
             &Config::login_failure_window_seconds, 1, 86400),
      Number("auth.password_hash_concurrency", "Argon2id hashes computed at once",
             &Config::password_hash_concurrency, 1, 256),
      Number("auth.signups_per_hour", "sign-ups accepted from one client address per hour",
             &Config::signups_per_hour, 1, 1'000'000),
      Number("auth.password_hash_memory_kib", "Argon2id memory per hash in KiB",
             &Config::password_hash_memory_kib, std::size_t{8}, std::size_t{4} << 20),
      Number("storage.reader_pool", "SQLite reader connections", &Config::reader_pool, 1, 256),
      Number("storage.busy_timeout_ms", "SQLite busy timeout", &Config::busy_timeout_ms, 0,
             600'000),
      Number("storage.max_batch", "most writes grouped into one commit", &Config::max_batch, 1,
             100'000),
      Flag("jobs.enabled", "run background jobs (SLA alerts, timed process transitions) in serve",
           &Config::jobs_enabled),
      Number("jobs.sla_interval_seconds", "how often the SLA job looks for due alerts",
             &Config::jobs_sla_interval_seconds, 1, 86400),
      Number("jobs.process_interval_seconds",
             "how often the process job fires due timed transitions",
             &Config::jobs_process_interval_seconds, 1, 86400),
      Number("sla.policy_check_seconds",
             "how often an instance looks for level and calendar changes made elsewhere",
             &Config::sla_policy_check_seconds, 1, 3600),
      Number("storage.postgres_pool", "PostgreSQL connections per instance (reads and writes)",
             &Config::postgres_pool, 1, 1000),
  };
}

std::vector<OptionSpec> AllOptionSpecs() {
  std::vector<OptionSpec> all = BuildOptions();
  for (auto& spec : MailOptions()) all.push_back(std::move(spec));
  return all;
}

const OptionSpec* Find(std::string_view key) {
  for (const auto& spec : AllOptions()) {
    if (spec.key == key) return &spec;
  }
  return nullptr;
}

Status ApplyNode(Config& config, const YAML::Node& node, const std::string& prefix,
                 std::string_view file) {
  for (const auto& item : node) {
    const std::string key = prefix + item.first.as<std::string>();
    const auto where = std::string(file) + ":" + std::to_string(item.first.Mark().line + 1);
    if (item.second.IsSequence() && (key == "mail.imap" || key == "mail.maildir")) {
      HD_RETURN_IF_ERROR(ApplyMailboxList(config, key, item.second, where));
      continue;
    }
    if (item.second.IsMap()) {
      HD_RETURN_IF_ERROR(ApplyNode(config, item.second, key + ".", file));
      continue;
    }
    const OptionSpec* spec = Find(key);
    if (!spec) return Error::InvalidArgument(where + ": unknown setting " + key, key);
    if (!item.second.IsScalar()) {
      return Error::InvalidArgument(where + ": " + key + " must be a single value", key);
    }
    auto status = spec->set(config, item.second.Scalar());
    if (!status.ok()) return Error::InvalidArgument(where + ": " + status.error().message, key);
  }
  return Ok();
}

}  // namespace

std::string Config::DatabaseUrl() const {
  return database.empty() ? "sqlite:" + data_dir + "/helpdesk.db" : database;
}

const std::vector<OptionSpec>& AllOptions() {
  static const std::vector<OptionSpec> options = AllOptionSpecs();
  return options;
}

std::string EnvName(std::string_view key) {
  std::string name = "HD_";
  for (char c : key) {
    name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

Status ApplyYaml(Config& config, std::string_view yaml_text, std::string_view file_name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return Error::InvalidArgument(std::string(file_name) + ":" + std::to_string(e.mark.line + 1) +
                                  ": " + e.msg);
  }
  if (root.IsNull()) return Ok();
  if (!root.IsMap()) {
    return Error::InvalidArgument(std::string(file_name) + ": expected a mapping of settings");
  }
  return ApplyNode(config, root, "", file_name);
}

Status ApplyEnvironment(Config& config, const std::function<const char*(const char*)>& getenv_fn) {
  for (const auto& spec : AllOptions()) {
    const std::string name = EnvName(spec.key);
    const char* value = getenv_fn(name.c_str());
    if (!value) continue;
    auto status = spec.set(config, value);
    if (!status.ok()) return Error::InvalidArgument(name + ": " + status.error().message, name);
  }
  return Ok();
}

Status ApplyOverride(Config& config, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return Error::InvalidArgument("--set takes key=value, got " + std::string(assignment), "set");
  }
  const std::string key(assignment.substr(0, eq));
  const OptionSpec* spec = Find(key);
  if (!spec) return Error::InvalidArgument("unknown setting " + key, key);
  return spec->set(config, assignment.substr(eq + 1));
}

}  // namespace hd::app
