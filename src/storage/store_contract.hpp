// The storage contract suite: what every ports::Store implementation must do,
// written once as parameterised GoogleTest suites over a factory. A driver
// instantiates it with HD_INSTANTIATE_STORE_CONTRACT (see
// sqlite/sqlite_store_test.cpp); PostgreSQL does the same with a harness on
// a throw-away database (postgres/pg_store_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/ports/store.hpp"

namespace hd::storage::testing {

// One fresh, empty database behind a Store, for one test.
class StoreHarness {
 public:
  virtual ~StoreHarness() = default;
  virtual core::ports::Store& store() = 0;
  // Closes the store and opens it again on the same database: what was
  // acknowledged must still be there.
  virtual void Reopen() = 0;
};

struct StoreBackend {
  std::string name;  // test-name suffix, e.g. "Sqlite"
  // A harness on a fresh database, or null when the backend's server is not
  // configured (the tests then skip).
  std::function<std::unique_ptr<StoreHarness>()> make;
};

// Names the backend in test listings instead of dumping its bytes.
inline void PrintTo(const StoreBackend& backend, std::ostream* os) { *os << backend.name; }

inline std::string BackendName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

class StoreContract : public ::testing::TestWithParam<StoreBackend> {
 protected:
  // A backend whose server is not configured (make() returns null) skips.
  void SetUp() override {
    harness_ = GetParam().make();
    if (!harness_) GTEST_SKIP() << GetParam().name << " is not configured";
  }
  void TearDown() override { harness_.reset(); }

  core::ports::Store& store() { return harness_->store(); }
  void Reopen() { harness_->Reopen(); }

  // Runs `f` (Tx& -> Result<T>) in a write / read transaction.
  template <class T, class F>
  Result<T> WriteValue(F f) {
    std::optional<T> out;
    Status s = store().Write([&](core::ports::Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(T value, f(tx));
      out.emplace(std::move(value));
      return Ok();
    });
    if (!s.ok()) return std::move(s).error();
    return std::move(*out);
  }
  template <class T, class F>
  Result<T> ReadValue(F f) {
    std::optional<T> out;
    Status s = store().Read([&](core::ports::Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(T value, f(tx));
      out.emplace(std::move(value));
      return Ok();
    });
    if (!s.ok()) return std::move(s).error();
    return std::move(*out);
  }

  // Fixture data written through the store; a failure fails the test.
  core::User AddUser(const std::string& email, core::Role role = core::Role::kCustomer,
                     std::optional<core::CompanyId> company = std::nullopt);
  core::Company AddCompany(const std::string& name, bool share_tickets);
  core::Group AddGroup(const std::string& slug, int tier);
  core::Ticket AddTicket(const core::User& initiator, const std::string& subject = "Printer");
  core::Ticket AddTicket(core::Ticket ticket);
  std::int64_t CountUsers();

  std::unique_ptr<StoreHarness> harness_;
};

// A ticket with every field set, ready to insert.
core::Ticket SampleTicket(const core::User& initiator, const std::string& subject);

// Unwraps a Result in a test, failing it (and returning T{}) on an error.
template <class T>
T Must(Result<T> r) {
  if (!r.ok()) {
    ADD_FAILURE() << "unexpected error: " << r.error().message;
    return T{};
  }
  return std::move(r).value();
}

// One suite per aggregate, so failures read as "which port broke".
class UserRepoContract : public StoreContract {};
class DirectoryRepoContract : public StoreContract {};
class TicketRepoContract : public StoreContract {};
class TicketListContract : public StoreContract {};
// Starts with a customer, an agent and one ticket of the customer's.
class ConversationRepoContract : public StoreContract {
 public:
  static const core::Timestamp kAt;

 protected:
  void SetUp() override;
  core::Message Post(const core::User& author, const std::string& body, bool internal);
  core::Attachment Upload(const std::string& filename, std::optional<core::MessageId> message);
  std::vector<core::Message> List(bool include_internal);

  core::User customer_, agent_;
  core::Ticket ticket_;
};
class AuthRepoContract : public StoreContract {};
// The blobs table and DatabaseBlobStore over it (store_contract_blobs_test.cpp).
class BlobStoreContract : public StoreContract {};
class StoreTransactionContract : public StoreContract {};
class SlaRepoContract : public StoreContract {};
// A customer, two agents, a company and a level version; clocks with
// hand-picked figures (store_contract_reports_test.cpp).
class ReportRepoContract : public StoreContract {
 protected:
  void SetUp() override;
  struct ClockSpec {
    std::int64_t opened_ms = 0;  // after kReportStart
    std::string level = "client_vip";
    std::optional<std::int64_t> first_response_s;
    std::optional<std::int64_t> due_ms;
    std::optional<std::int64_t> answered_ms;
    const core::User* by = nullptr;
    std::optional<std::int64_t> resolution_s;
    std::optional<core::CompanyId> company;
    std::string channel = "web";
  };
  core::TicketId Clock(const ClockSpec& spec);

  core::User customer_, agent_, other_;
  core::Company acme_;
  core::SlaLevelVersion version_;
};
// Presence on tickets and saved views (store_contract_desk_test.cpp).
class DeskRepoContract : public StoreContract {};
// Proposals for L1's classification (store_contract_l1_test.cpp).
class L1HintRepoContract : public StoreContract {};
// Starts with a customer, an agent and one ticket of the customer's with one
// message (store_contract_mail_test.cpp).
class MailRepoContract : public StoreContract {
 protected:
  void SetUp() override;
  core::ports::InboundRecord Inbound(const std::string& message_id, const std::string& from,
                                     core::Timestamp at);
  // Queues a notification about the ticket for `user` (none: for nobody).
  core::ports::Notification Queue(std::optional<core::UserId> user, core::Timestamp at);

  core::User customer_, agent_;
  core::Ticket ticket_;
  core::Message message_;
};
// The mail side of the outbox, on MailRepoContract's data
// (store_contract_mail_delivery_test.cpp).
class MailDeliveryContract : public MailRepoContract {
 protected:
  std::vector<core::ports::MailDelivery> Due(core::Timestamp now, int limit = 100);
  // Runs `f` on the mail repository in a write transaction; fails the test
  // on an error.
  void Write(const std::function<Status(core::ports::MailRepo&)>& f);
  // Starts and delivers `notification` with Message-ID `message_id`.
  void Send(std::int64_t notification, const std::string& message_id, core::Timestamp at);
  core::ports::InboundRecord Receive(const core::ports::InboundRecord& record);
  core::ports::MailStats Stats();
};

}  // namespace hd::storage::testing

#define HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, suite, backend)  \
  INSTANTIATE_TEST_SUITE_P(prefix, suite, ::testing::Values(backend), \
                           ::hd::storage::testing::BackendName)

// Runs the whole contract against `backend` (a StoreBackend expression).
#define HD_INSTANTIATE_STORE_CONTRACT(prefix, backend)                             \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, UserRepoContract, backend);         \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, DirectoryRepoContract, backend);    \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, TicketRepoContract, backend);       \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, TicketListContract, backend);       \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, ConversationRepoContract, backend); \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, AuthRepoContract, backend);         \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, BlobStoreContract, backend);        \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, StoreTransactionContract, backend); \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, SlaRepoContract, backend);          \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, ReportRepoContract, backend);       \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, DeskRepoContract, backend);         \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, L1HintRepoContract, backend);       \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, MailRepoContract, backend);         \
  HD_INSTANTIATE_STORE_CONTRACT_SUITE_(prefix, MailDeliveryContract, backend)
