#include "jobs/mail_jobs.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

namespace hd::jobs {

namespace {

struct Pending {
  std::string key;
  std::string raw;
  std::optional<Result<service::IngestOutcome>> outcome;
};

// Runs the intake over `items` on up to `parallel` threads: the writes of
// concurrent messages share group commits.
void IngestAll(std::vector<Pending>& items, service::MailIntake& intake, const std::string& mailbox,
               const std::string& epoch, const service::MailRoute& route, int parallel) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) {
      service::IngestInput in{mailbox, epoch + "/" + items[i].key, std::move(items[i].raw), route};
      items[i].outcome = intake.Ingest(in);
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(items.size(), static_cast<std::size_t>(std::max(parallel, 1)));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
}

Result<std::vector<Pending>> FetchPending(core::ports::MailSource& source, int batch) {
  HD_ASSIGN_OR_RETURN(auto keys, source.ListPending(batch));
  std::vector<Pending> items;
  for (std::string& key : keys) {
    auto raw = source.Fetch(key);
    if (!raw.ok() && raw.error().code == ErrorCode::kNotFound) continue;  // gone meanwhile
    if (!raw.ok()) return std::move(raw).error();
    items.push_back({std::move(key), std::move(*raw), std::nullopt});
  }
  return items;
}

// Marks done what the intake stored, in mailbox order; stops at the first
// message that was not stored (it stays pending for the next run).
Status MarkStored(core::ports::MailSource& source, std::vector<Pending>& items,
                  service::MailCounters& counters, const std::string& mailbox) {
  for (Pending& item : items) {
    if (!item.outcome->ok()) {
      return Error::Unavailable("message " + item.key + " of " + mailbox +
                                " waits for the next run: " + item.outcome->error().message);
    }
    const service::IngestOutcome& o = **item.outcome;
    counters.Count(o.status, o.duplicate);
    if (!o.reason.empty() && !o.duplicate) {
      spdlog::info("mail {}: message {} {}: {}", mailbox, item.key, core::ports::ToString(o.status),
                   o.reason);
    }
    HD_RETURN_IF_ERROR(source.MarkDone(item.key));
  }
  return Ok();
}

Status PollOnce(core::ports::MailSource& source, service::MailIntake& intake,
                service::MailCounters& counters, const MailboxJobOptions& options,
                const std::string& epoch, bool& more) {
  HD_ASSIGN_OR_RETURN(auto items, FetchPending(source, options.batch));
  more = static_cast<int>(items.size()) >= options.batch;
  if (items.empty()) return Ok();
  IngestAll(items, intake, source.Name(), epoch, options.route, options.parallel);
  return MarkStored(source, items, counters, source.Name());
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
