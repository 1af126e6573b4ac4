#include "jobs/mail_jobs.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hd::jobs {

namespace {

// One message of a pass: its outcome once taken (nullopt while in work).
struct Item {
  std::string key;
  std::optional<Result<service::IngestOutcome>> outcome;
  bool gone = false;  // vanished from the mailbox before it was read
};

// One pass over a batch of pending messages on up to `parallel` threads.
// Each thread takes the next message, fetches it and runs it through the
// intake (the writes of concurrent messages share group commits). The
// mailbox is used by one thread at a time; the stored prefix of the batch
// is marked done in mailbox order as it grows, and marking stops at the
// first message that was not stored (it stays pending for the next run).
class Pass {
 public:
  Pass(core::ports::MailSource& source, service::MailIntake& intake,
       service::MailCounters& counters, const MailboxJobOptions& options, const std::string& epoch,
       std::vector<std::string> keys)
      : source_(source), intake_(intake), counters_(counters), options_(options), epoch_(epoch) {
    for (std::string& key : keys) items_.push_back({std::move(key), std::nullopt});
  }

  Status Run() {
    const std::size_t threads = std::min<std::size_t>(
        items_.size(), static_cast<std::size_t>(std::max(options_.parallel, 1)));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back([this] { Work(); });
    Work();
    for (auto& thread : pool) thread.join();
    return status_;
  }

 private:
  void Work() {
    for (std::size_t i = next_++; i < items_.size(); i = next_++) {
      Item& item = items_[i];
      Result<std::string> raw = std::string();
      {
        std::lock_guard lock(mu_);
        raw = source_.Fetch(item.key);
      }
      std::optional<Result<service::IngestOutcome>> outcome;
      const bool gone = !raw.ok() && raw.error().code == ErrorCode::kNotFound;
      if (!raw.ok()) {
        outcome.emplace(std::move(raw).error());
      } else {
        const service::IngestInput in{source_.Name(), epoch_ + "/" + item.key, std::move(*raw),
                                      options_.route};
        outcome.emplace(intake_.Ingest(in));
      }
      std::lock_guard lock(mu_);
      item.outcome = std::move(outcome);
      item.gone = gone;
      Settle();
    }
  }

  // Marks done the messages of the prefix that are taken, in order. Under mu_.
  void Settle() {
    for (; status_.ok() && settled_ < items_.size() && items_[settled_].outcome; ++settled_) {
      Item& item = items_[settled_];
      if (item.gone) continue;
      if (!item.outcome->ok()) {
        status_ = Error::Unavailable("message " + item.key + " of " + source_.Name() +
                                     " waits for the next run: " + item.outcome->error().message);
        return;
      }
      const service::IngestOutcome& o = **item.outcome;
      counters_.Count(o.status, o.duplicate);
      if (!o.reason.empty() && !o.duplicate) {
        spdlog::info("mail {}: message {} {}: {}", source_.Name(), item.key,
                     core::ports::ToString(o.status), o.reason);
      }
      status_ = source_.MarkDone(item.key);
    }
  }

  core::ports::MailSource& source_;
  service::MailIntake& intake_;
  service::MailCounters& counters_;
  const MailboxJobOptions& options_;
  const std::string& epoch_;
  std::vector<Item> items_;
  std::atomic<std::size_t> next_{0};
  std::mutex mu_;  // the source, the outcomes, settled_ and status_
  std::size_t settled_ = 0;
  Status status_ = Ok();
};

Status PollOnce(core::ports::MailSource& source, service::MailIntake& intake,
                service::MailCounters& counters, const MailboxJobOptions& options,
                const std::string& epoch, bool& more) {
  HD_ASSIGN_OR_RETURN(auto keys, source.ListPending(options.batch));
  more = static_cast<int>(keys.size()) >= options.batch;
  if (keys.empty()) return Ok();
  return Pass(source, intake, counters, options, epoch, std::move(keys)).Run();
}

}  // namespace

Job MailPollJob(core::ports::MailSource& source, service::MailIntake& intake,
                service::MailAdmin& admin, service::MailCounters& counters,
                MailboxJobOptions options) {
  const std::string name = "mail-poll:" + source.Name();
  return Job{name, options.every, [&source, &intake, &admin, &counters, options]() -> Status {
               auto epoch = source.Epoch();
               Status status = epoch.ok() ? Ok() : Status(epoch.error());
               for (bool more = true; status.ok() && more;) {
                 status = PollOnce(source, intake, counters, options, *epoch, more);
               }
               if (!status.ok()) ++counters.poll_errors;
               const std::optional<std::string> error =
                   status.ok() ? std::nullopt : std::optional(status.error().message);
               HD_RETURN_IF_ERROR(
                   admin.RecordPoll(source.Name(), epoch.ok() ? *epoch : std::string(), error));
               return status;
             }};
}

Job MailSendJob(service::MailDelivery& delivery, service::MailCounters& counters,
                std::chrono::seconds every) {
  constexpr int kBatch = 100;
  return Job{"mail-send", every, [&delivery, &counters]() -> Status {
               for (;;) {
                 HD_ASSIGN_OR_RETURN(service::DeliveryScan scan, delivery.RunOnce(kBatch));
                 counters.sent += static_cast<std::uint64_t>(scan.sent);
                 counters.failed += static_cast<std::uint64_t>(scan.failed);
                 counters.retried += static_cast<std::uint64_t>(scan.retried);
                 if (scan.retried + scan.failed > 0) {
                   spdlog::warn("mail: {} sent, {} to retry, {} given up", scan.sent, scan.retried,
                                scan.failed);
                 }
                 // Stop on a failure: the server is likely away for all of them.
                 if (scan.examined < kBatch || scan.retried > 0) return Ok();
               }
             }};
}

}  // namespace hd::jobs
