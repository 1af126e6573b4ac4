// Store: the transactional entry to storage. service/ is the only caller.
//
// Read() runs a function inside a read-only snapshot on a reader connection,
// on the calling thread. Write() hands a function to the single writer, which
// runs it inside a savepoint of a group-commit transaction (many concurrent
// Write() calls share one durable commit) and returns only once that commit
// is durable. If the function returns an error, its own changes are rolled
// back and the error is returned; the other functions of the batch are not
// affected. If the commit itself fails, every function of the batch gets
// kUnavailable and nothing of the batch is stored.
//
// Both are thread-safe and blocking: call them from worker threads, never
// from I/O threads. Functions passed to Write() run on the writer thread and
// must do no slow work (no password hashing, no network): compute first,
// then write.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/ports/desk_repositories.hpp"
#include "core/ports/l1_repositories.hpp"
#include "core/ports/mail_repositories.hpp"
#include "core/ports/process_repositories.hpp"
#include "core/ports/report_repositories.hpp"
#include "core/ports/repositories.hpp"
#include "core/ports/sla_repositories.hpp"

namespace hd::core::ports {

// The repositories of one transaction. Valid only inside the function given
// to Store::Read or Store::Write.
class Tx {
 public:
  virtual ~Tx() = default;
  virtual UserRepo& Users() = 0;
  virtual CompanyRepo& Companies() = 0;
  virtual GroupRepo& Groups() = 0;
  virtual TicketRepo& Tickets() = 0;
  virtual MessageRepo& Messages() = 0;
  virtual AttachmentRepo& Attachments() = 0;
  virtual BlobRepo& Blobs() = 0;
  virtual EventRepo& Events() = 0;
  virtual FeedbackRepo& Feedback() = 0;
  virtual AuthRepo& Auth() = 0;
  virtual IdempotencyRepo& Idempotency() = 0;
  // SLA: licences and partners, coupons, clocks, outbox, audit, job leases.
  virtual LicenceRepo& Licences() = 0;
  virtual CouponRepo& Coupons() = 0;
  virtual SlaRepo& Sla() = 0;
  virtual NotificationRepo& Notifications() = 0;
  virtual AuditRepo& Audit() = 0;
  virtual JobRepo& Jobs() = 0;
  virtual ProcessRepo& Processes() = 0;
  // Mail: received messages, participants, delivery, mailboxes.
  virtual MailRepo& Mail() = 0;
  // The agents' desk: presence on tickets, saved views, edited templates.
  virtual PresenceRepo& Presence() = 0;
  virtual SavedViewRepo& Views() = 0;
  virtual TemplateRepo& Templates() = 0;
  virtual L1HintRepo& L1Hints() = 0;
  // Reports aggregated in the database.
  virtual ReportRepo& Reports() = 0;

  // Runs `fn` inside a nested savepoint of this transaction. When `fn`
  // returns an error only its own changes are undone and that error is
  // returned; the transaction goes on, so a batch can isolate one item.
  virtual Status Isolated(const std::function<Status(Tx&)>& fn) = 0;
};

using TxFn = std::function<Status(Tx&)>;

class Store {
 public:
  virtual ~Store() = default;
  virtual Status Read(const TxFn& fn) = 0;
  virtual Status Write(const TxFn& fn) = 0;
  // kOk when the database answers a trivial query (readiness probe).
  virtual Status Ping() = 0;
};

// Content-addressed storage for attachments and received mail. Thread-safe.
class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores the bytes durably (idempotent) and returns their SHA-256 hex.
  virtual Result<std::string> Put(std::string_view bytes) = 0;
  // kNotFound when no blob has this hash.
  virtual Result<std::string> Get(const std::string& sha256) = 0;
  // Blobs up to this size are kept in the database. 0 when the database
  // keeps none.
  virtual std::size_t InlineLimit() const { return 0; }
  // Whether a blob of `size` bytes belongs in the database: a transaction
  // may then store it itself with Tx::Blobs(), so that the blob and the
  // rows naming it commit together (and Get finds it).
  bool KeepsInDatabase(std::size_t size) const {
    const std::size_t limit = InlineLimit();
    return limit > 0 && size <= limit;
  }
};

}  // namespace hd::core::ports
