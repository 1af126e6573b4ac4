// What the transport tests share: the real mail servers scripts/test starts
// (scripts/mail-servers prints their HD_TEST_* variables), a private
// smtp-sink a test starts for itself, and small IMAP and smtp-sink helpers.
// Test code only; header-only so the library's glob does not pick it up.
#pragma once

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "mail/transport/curl_session.hpp"

extern char** environ;

namespace hd::mail::testing {

inline constexpr char kHowToRun[] =
    "the mail transport tests need the real mail servers: run them through scripts/test, or "
    "start them with `eval \"$(scripts/mail-servers start DIR)\"` and export the HD_TEST_* "
    "variables it prints";

// The servers of scripts/mail-servers.
struct MailServers {
  std::string imap_url, imaps_url, pop3_url, password, smtp_url, sink_dir, mail_dir;
  std::string missing;  // the variables not set; empty when all are

  static MailServers FromEnvironment() {
    MailServers s;
    auto get = [&s](const char* name, std::string& into) {
      const char* value = std::getenv(name);
      if (value == nullptr || *value == '\0') {
        s.missing += std::string(s.missing.empty() ? "" : ", ") + name;
      } else {
        into = value;
      }
    };
    get("HD_TEST_IMAP_URL", s.imap_url);
    get("HD_TEST_IMAPS_URL", s.imaps_url);
    get("HD_TEST_POP3_URL", s.pop3_url);
    get("HD_TEST_MAIL_PASSWORD", s.password);
    get("HD_TEST_SMTP_URL", s.smtp_url);
    get("HD_TEST_SMTP_SINK_DIR", s.sink_dir);
    get("HD_TEST_MAIL_DIR", s.mail_dir);
    return s;
  }
};

// Declares `env` (a MailServers) or fails the test, saying how to run it.
#define HD_REQUIRE_MAIL_SERVERS(env)                       \
  const ::hd::mail::testing::MailServers env =             \
      ::hd::mail::testing::MailServers::FromEnvironment(); \
  ASSERT_TRUE(env.missing.empty())                         \
      << "not set: " << env.missing << ". " << ::hd::mail::testing::kHowToRun

// A mailbox user of this test alone (Dovecot takes any name).
inline std::string UniqueUser() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::random_device random;
  std::string name = std::string(info->test_suite_name()) + "-" + info->name() + "-" +
                     std::to_string(getpid()) + "-" + std::to_string(random() % 100000);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name + "@test.example";
}

// A message with CRLF line ends whose Message-ID holds `token`.
inline std::string SampleMessage(const std::string& token, const std::string& body_line = "Hi") {
  return "From: Anna <anna@customer.example>\r\n"
         "To: support@helpdesk.example\r\n"
         "Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?= " +
         token +
         "\r\n"
         "Message-ID: <" +
         token +
         "@customer.example>\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n"
         "\r\n" +
         body_line +
         "\r\n"
         ".a line that starts with a dot\r\n"
         ".\r\n"
         "Привет, мир\r\n";
}

// Runs `command` as `user` on `folder` of the IMAP server; the untagged
// responses, or "" with a test failure.
inline std::string ImapCommand(const MailServers& env, const std::string& user,
                               const std::string& folder, const std::string& command) {
  ConnectionSettings settings{user,  env.password, "", "", false, true, std::chrono::seconds(10),
                              "imap"};
  CurlSession session(settings);
  session.Prepare(env.imap_url + "/" + EscapePathSegment(folder));
  curl_easy_setopt(session.handle(), CURLOPT_CUSTOMREQUEST, command.c_str());
  CurlOutcome out = session.Perform();
  EXPECT_TRUE(out.ok()) << command << ": " << out.Explain();
  return out.body;
}

// Appends `raw` to INBOX of `user` (IMAP APPEND) as a new, unread message; a
// test failure if it fails. (libcurl appends with \Seen: it is taken off.)
inline void ImapAppend(const MailServers& env, const std::string& user, const std::string& raw) {
  ConnectionSettings settings{user,  env.password, "", "", false, true, std::chrono::seconds(10),
                              "imap"};
  CurlSession session(settings);
  session.Prepare(env.imap_url + "/INBOX");
  struct Source {
    const std::string* data;
    size_t offset;
  } source{&raw, 0};
  auto read = +[](char* buffer, size_t size, size_t count, void* user_data) -> size_t {
    auto* s = static_cast<Source*>(user_data);
    const size_t n = std::min(size * count, s->data->size() - s->offset);
    std::memcpy(buffer, s->data->data() + s->offset, n);
    s->offset += n;
    return n;
  };
  curl_easy_setopt(session.handle(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(session.handle(), CURLOPT_READFUNCTION, read);
  curl_easy_setopt(session.handle(), CURLOPT_READDATA, &source);
  curl_easy_setopt(session.handle(), CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw.size()));
  CurlOutcome out = session.Perform();
  ASSERT_TRUE(out.ok()) << "APPEND: " << out.Explain();
  ImapCommand(env, user, "INBOX", "STORE 1:* -FLAGS.SILENT (\\Seen)");
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The message smtp-sink stored, as the client sent it: its dump adds a few
// X-* lines and a three-line Received header in front and an empty line at
// the end, and writes LF line ends. "" when no stored file holds `token`.
inline std::string SinkMessage(const std::string& dir, const std::string& token) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string dump = ReadFile(entry.path());
    if (dump.find(token) == std::string::npos) continue;
    size_t at = dump.find("\nReceived: ");
    if (at == std::string::npos) return {};
    for (int line = 0; line < 3; ++line) at = dump.find('\n', at + 1);
    std::string message = dump.substr(at + 1);
    if (!message.empty() && message.back() == '\n') message.pop_back();
    return message;
  }
  return {};
}

// `text` with CRLF turned into LF, as smtp-sink stores it.
inline std::string ToLf(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out.push_back(text[i]);
  }
  return out;
}

// Kills the Dovecot processes serving `user` (scripts/mail-servers turns on
// verbose_proctitle, so their titles name the user): the server drops the
// user's connections as if it had crashed. Returns how many it killed.
inline int KillSessionsOf(const std::string& user) {
  int killed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string cmdline = ReadFile(entry.path() / "cmdline");
    // "dovecot-INSTANCE/imap [user 127.0.0.1 IDLE]"
    if (cmdline.rfind("dovecot", 0) != 0 || cmdline.find(" [" + user + " ") == std::string::npos) {
      continue;
    }
    if (kill(std::stoi(entry.path().filename().string()), SIGKILL) == 0) ++killed;
  }
  return killed;
}

// A free TCP port on 127.0.0.1 (nothing listens on it when this returns).
inline int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

inline bool Accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// A private Postfix smtp-sink for one test, with extra options such as
// {"-r", "MAIL"} (answer 4xx) or {"-f", "RCPT"} (answer 5xx).
class PrivateSink {
 public:
  explicit PrivateSink(std::vector<std::string> options, int port = 0)
      : options_(std::move(options)), port_(port == 0 ? FreePort() : port) {
    dir_ = std::filesystem::temp_directory_path() /
           ("hd-sink-" + std::to_string(getpid()) + "-" + std::to_string(port_));
    std::filesystem::create_directories(dir_);
    if (geteuid() == 0) {
      EXPECT_EQ(chown(dir_.c_str(), 65534, 65534), 0);  // nobody: smtp-sink -u nobody
    }
    Start();
  }
  ~PrivateSink() {
    Stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  PrivateSink(const PrivateSink&) = delete;
  PrivateSink& operator=(const PrivateSink&) = delete;

  void Start() {
    std::vector<std::string> args{"/usr/sbin/smtp-sink", "-4"};
    if (geteuid() == 0) args.insert(args.end(), {"-u", "nobody"});
    args.insert(args.end(), options_.begin(), options_.end());
    args.insert(args.end(),
                {"-d", (dir_ / "%s.").string(), "127.0.0.1:" + std::to_string(port_), "16"});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ASSERT_EQ(posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ), 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!Accepts(port_)) {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "smtp-sink did not start";
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  std::string dir() const { return dir_.string(); }

 private:
  std::vector<std::string> options_;
  int port_;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
};

}  // namespace hd::mail::testing
