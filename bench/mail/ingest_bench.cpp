// End-to-end mail intake: messages taken from a Maildir folder into tickets
// per second, through the same pieces `helpdesk serve` runs (the Maildir
// source, the GMime parser, the intake's one durable transaction per message
// with group commit, the done mark), on SQLite in a temporary folder with
// the shipped defaults (levels, calendars, the support process).
//
//   mail_ingest_bench [MESSAGES=5000] [PARALLEL=8] [REPEAT=3]
//
// Each run fills a fresh Maildir with MESSAGES mails of 5-50 KB (plain,
// multipart/alternative, one with a 30 KB attachment, cp1251) from 500
// senders (the first mail of each makes a customer account), ingests them
// all and prints messages/s; the median of the runs comes last.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/config.hpp"
#include "app/mail_channel.hpp"
#include "app/runtime.hpp"
#include "jobs/mail_jobs.hpp"

namespace fs = std::filesystem;

namespace {

std::string Filler(std::size_t bytes, const std::string& line) {
  std::string out;
  while (out.size() < bytes) out += line;
  return out;
}

std::string MessageText(int i) {
  const std::string from = "From: Customer " + std::to_string(i % 500) + " <customer" +
                           std::to_string(i % 500) + "@shop.example>\r\n";
  const std::string head = from + "To: support@helpdesk.example\r\nSubject: Order " +
                           std::to_string(i) + " cannot be paid\r\nMessage-ID: <bench-" +
                           std::to_string(i) + "@shop.example>\r\n" +
                           "Date: Mon, 12 Jan 2026 10:15:00 +0300\r\nMIME-Version: 1.0\r\n";
  const std::string text =
      Filler(4000 + static_cast<std::size_t>(i % 8) * 1500,
             "The payment page answers 502 when the customer presses Pay.\r\n");
  switch (i % 4) {
    case 0:
      return head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text;
    case 1:
      return head + "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\n" +
             "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text +
             "\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>" +
             Filler(text.size(), "The payment page answers <b>502</b>.<br>\r\n") +
             "</p></body></html>\r\n--a--\r\n";
    case 2:
      return head + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\n" +
             "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text +
             "\r\n--m\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n" +
             "Content-Transfer-Encoding: base64\r\n\r\n" +
             Filler(30'000, "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4K\r\n") +
             "--m--\r\n";
    default:
      return head + "Content-Type: text/plain; charset=windows-1251\r\n" +
             "Content-Transfer-Encoding: 8bit\r\n\r\n" +
             Filler(text.size(),
                    "\xcf\xeb\xe0\xf2\xe5\xe6 \xed\xe5 \xef\xf0\xee\xf5\xee\xe4\xe8\xf2.\r\n");
  }
}

void FillMaildir(const fs::path& dir, int messages) {
  for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(dir / sub);
  for (int i = 0; i < messages; ++i) {
    std::ofstream out(dir / "new" / ("1700000000." + std::to_string(i) + ".bench"),
                      std::ios::binary);
    out << MessageText(i);
  }
}

double RunOnce(const fs::path& root, int messages, int parallel) {
  fs::remove_all(root);
  FillMaildir(root / "maildir", messages);
  hd::app::Config config;
  config.data_dir = (root / "data").string();
  config.config_dir = HD_SOURCE_DIR "/config/defaults";
  config.log_level = "warn";
  config.mail.max_new_tickets_per_hour = 1'000'000;
  config.mail.ingest_parallel = parallel;
  config.mail.maildir.push_back({(root / "maildir").string()});
  auto runtime = hd::app::OpenRuntime(config);
  if (!runtime.ok() || !hd::app::LoadDirectoryDefaults(config, **runtime).ok()) std::exit(1);
  auto channel = hd::app::OpenMailChannel(config, **runtime);
  if (!channel.ok()) std::exit(1);
  hd::jobs::MailboxJobOptions options;
  options.parallel = parallel;
  options.batch = 500;
  auto job = hd::jobs::MailPollJob(*(*channel)->mailboxes.front().source, *(*channel)->intake,
                                   (*runtime)->services->mail_admin, (*channel)->counters, options);
  const auto start = std::chrono::steady_clock::now();
  if (auto status = job.run(); !status.ok()) {
    std::fprintf(stderr, "ingest failed: %s\n", status.error().message.c_str());
    std::exit(1);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto accepted = (*channel)->counters.accepted.load();
  if (accepted != static_cast<std::uint64_t>(messages)) {
    std::fprintf(stderr, "only %llu of %d messages accepted\n",
                 static_cast<unsigned long long>(accepted), messages);
    std::exit(1);
  }
  return messages / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const int messages = argc > 1 ? std::atoi(argv[1]) : 5000;
  const int parallel = argc > 2 ? std::atoi(argv[2]) : 8;
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 3;
  const fs::path root = fs::temp_directory_path() / ("hd-ingest-bench-" + std::to_string(getpid()));
  std::vector<double> rates;
  for (int r = 0; r < repeat; ++r) {
    rates.push_back(RunOnce(root, messages, parallel));
    std::printf("run %d: %d messages, %.0f messages/s\n", r + 1, messages, rates.back());
  }
  fs::remove_all(root);
  std::sort(rates.begin(), rates.end());
  std::printf("median: %.0f messages/s (parallel %d)\n", rates[rates.size() / 2], parallel);
  return 0;
}
