// The mailbox job over a real Maildir: every stored message is marked done
// in mailbox order, and one that could not be taken keeps itself and those
// after it pending for the next run, which adds nothing twice.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "jobs/mail_jobs.hpp"
#include "mail/transport/maildir_source.hpp"
#include "mail_env.hpp"
#include "service/mail/mail_admin.hpp"

namespace hd::testing {
namespace {

namespace fs = std::filesystem;

// The real Maildir source, whose Fetch of one message fails while `broken`
// names it (a mailbox connection dropping in the middle of a pass).
class FailingOne final : public core::ports::MailSource {
 public:
  explicit FailingOne(fs::path folder) : maildir_(std::move(folder)) {}
  std::string Name() const override { return maildir_.Name(); }
  Result<std::string> Epoch() override { return maildir_.Epoch(); }
  Result<std::vector<std::string>> ListPending(int limit) override {
    return maildir_.ListPending(limit);
  }
  Result<std::string> Fetch(const std::string& key) override {
    if (key == broken) return Error::Unavailable("connection reset");
    return maildir_.Fetch(key);
  }
  Status MarkDone(const std::string& key) override { return maildir_.MarkDone(key); }
  Status Check() override { return maildir_.Check(); }

  std::string broken;

 private:
  mail::MaildirSource maildir_;
};

class MailPollTest : public MailTest {
 protected:
  void SetUp() override {
    MailTest::SetUp();
    admin_ = std::make_unique<service::MailAdmin>(*store_, *blobs_, clock_);
    maildir_ = dir_ / "maildir";
    for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(maildir_ / sub);
  }

  static std::string FileName(int n) {
    return "17000000" + std::to_string(10 + n) + ".m" + std::to_string(n) + ".host";
  }

  // Delivers message `n` to new/, older than every message delivered after it.
  void Deliver(int n) {
    const fs::path file = maildir_ / "new" / FileName(n);
    std::ofstream(file, std::ios::binary)
        << Mail("client" + std::to_string(n) + "@shop.example", "Order " + std::to_string(n),
                "The payment page answers 502.", "order-" + std::to_string(n) + "@shop.example");
    fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::minutes(60 - n));
  }

  std::set<std::string> Pending(const std::string& folder) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(maildir_ / folder)) {
      const std::string name = e.path().filename().string();
      if (folder == "new" || name.find(":2,S") == std::string::npos) names.insert(name);
    }
    return names;
  }

  Status RunJob(core::ports::MailSource& source, int parallel) {
    jobs::MailboxJobOptions options;
    options.parallel = parallel;
    options.batch = 10;
    return jobs::MailPollJob(source, *intake_, *admin_, counters_, options).run();
  }

  std::size_t CountAccepted() {
    std::size_t n = 0;
    EXPECT_TRUE(store_
                    ->Read([&](core::ports::Tx& tx) -> Status {
                      HD_ASSIGN_OR_RETURN(
                          auto accepted,
                          tx.Mail().ListInbound(core::ports::InboundStatus::kAccepted, 100));
                      n = accepted.size();
                      return Ok();
                    })
                    .ok());
    return n;
  }

  fs::path maildir_;
  std::unique_ptr<service::MailAdmin> admin_;
  service::MailCounters counters_;
};

TEST_F(MailPollTest, EveryMessageIsTakenAndMarkedDone) {
  for (int n = 1; n <= 25; ++n) Deliver(n);
  mail::MaildirSource source(maildir_);
  ASSERT_TRUE(RunJob(source, 4).ok());
  EXPECT_TRUE(Pending("new").empty());
  EXPECT_TRUE(Pending("cur").empty());
  EXPECT_EQ(counters_.accepted.load(), 25u);
  ASSERT_TRUE(RunJob(source, 4).ok());  // nothing left: nothing taken twice
  EXPECT_EQ(counters_.accepted.load(), 25u);
  EXPECT_EQ(counters_.duplicates.load(), 0u);
}

TEST_F(MailPollTest, AMessageNotTakenKeepsItselfAndLaterOnesPendingUntilTheNextRun) {
  for (int n = 1; n <= 4; ++n) Deliver(n);
  FailingOne source(maildir_);
  source.broken = FileName(2);
  const Status first = RunJob(source, 1);
  ASSERT_FALSE(first.ok());
  EXPECT_NE(first.error().message.find("connection reset"), std::string::npos);
  // The first message is done; the second failed, so it and the two after
  // it (taken, but not marked) stay pending in the mailbox.
  EXPECT_EQ(Pending("new"), (std::set<std::string>{FileName(2), FileName(3), FileName(4)}));
  EXPECT_EQ(counters_.poll_errors.load(), 1u);

  source.broken.clear();
  ASSERT_TRUE(RunJob(source, 1).ok());
  EXPECT_TRUE(Pending("new").empty());
  EXPECT_TRUE(Pending("cur").empty());
  // The third and fourth were stored by the first run: the second
  // recognises them by their Message-IDs and only marks them done.
  EXPECT_EQ(counters_.accepted.load(), 2u);
  EXPECT_EQ(counters_.duplicates.load(), 2u);
  EXPECT_EQ(CountAccepted(), 4u);
}

}  // namespace
}  // namespace hd::testing
