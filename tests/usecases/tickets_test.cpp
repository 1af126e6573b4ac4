#include "env.hpp"

namespace hd::testing {
namespace {

using core::TicketStatus;

class Tickets : public UseCaseTest {
 protected:
  // A request with every guided field of DOMAIN.md §1 filled in.
  service::CreateTicketInput Guided() {
    auto in = Input();
    in.category = "licence";
    in.sources_searched = "FAQ";
    in.steps = "1. open";
    in.expected = "works";
    in.actual = "500";
    return in;
  }
};

TEST_F(Tickets, CreateStoresGuidedFieldsFirstMessageAndHistory) {
  auto anna = Make("anna@example.com");
  auto created = s_->tickets.Create(anna, Guided());
  ASSERT_TRUE(created.ok()) << created.error().message;
  const auto& t = created->ticket;
  EXPECT_GT(t.number, 0);
  EXPECT_EQ(t.status, TicketStatus::kNew);
  EXPECT_EQ(t.group_id, support_.id);  // routed by category
  EXPECT_EQ(t.initiator_id, anna.id);
  auto stored = s_->tickets.Get(anna, t.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->sources_searched, "FAQ");
  EXPECT_EQ(stored->actual, "500");
  auto messages = s_->conversation.List(anna, t.id);
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ(messages->at(0).body, "Every page answers 500.");
  auto history = s_->conversation.History(anna, t.id);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->at(0).kind, core::EventKind::kCreated);
}

// PostgreSQL runs a write function again after a serialization failure or a
// deadlock. This store does the same for every write: it runs the function
// once in a nested transaction, rolls that back, and runs it again.
class RetryingStore final : public core::ports::Store {
 public:
  explicit RetryingStore(core::ports::Store& inner) : inner_(inner) {}
  Status Read(const core::ports::TxFn& fn) override { return inner_.Read(fn); }
  Status Write(const core::ports::TxFn& fn) override {
    return inner_.Write([&](core::ports::Tx& tx) -> Status {
      (void)tx.Isolated([&](core::ports::Tx& attempt) -> Status {
        HD_RETURN_IF_ERROR(fn(attempt));
        return Error::Unavailable("could not serialize access; run it again");
      });
      return fn(tx);
    });
  }
  Status Ping() override { return inner_.Ping(); }

 private:
  core::ports::Store& inner_;
};

TEST_F(Tickets, ACreationRunAgainByTheDatabaseStoresEveryFieldOnce) {
  RetryingStore retrying(*store_);
  service::Services again(retrying, *blobs_, clock_, options_);
  auto anna = Make("anna@example.com");
  auto created = again.tickets.Create(anna, Guided());
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto stored = s_->tickets.Get(anna, created->ticket.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->sources_searched, "FAQ");
  EXPECT_EQ(stored->steps, "1. open");
  EXPECT_EQ(stored->expected, "works");
  EXPECT_EQ(stored->actual, "500");
  auto mine = s_->tickets.List(anna, {});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->items.size(), 1u);
  auto messages = s_->conversation.List(anna, created->ticket.id);
  ASSERT_TRUE(messages.ok());
  EXPECT_EQ(messages->size(), 1u);
}

TEST_F(Tickets, CreateNamesTheBadField) {
  auto anna = Make("anna@example.com");
  auto in = Input();
  in.subject = "";
  EXPECT_EQ(s_->tickets.Create(anna, in).error().field, "subject");
  in = Input();
  in.category = "no-such";
  EXPECT_EQ(s_->tickets.Create(anna, in).error().field, "category");
  in = Input();
  in.subject = std::string(301, 'x');
  EXPECT_EQ(s_->tickets.Create(anna, in).error().field, "subject");
  in = Input();
  in.body = "bad \xff utf-8";
  EXPECT_EQ(s_->tickets.Create(anna, in).error().field, "body");
}

TEST_F(Tickets, IdempotencyKeyReplaysTheFirstTicket) {
  auto anna = Make("anna@example.com");
  auto in = Input();
  in.idempotency_key = "k-1";
  in.fingerprint = "same-body";
  auto first = s_->tickets.Create(anna, in);
  auto second = s_->tickets.Create(anna, in);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->ticket.id, second->ticket.id);
  EXPECT_FALSE(first->replayed);
  EXPECT_TRUE(second->replayed);
  in.fingerprint = "other-body";
  EXPECT_EQ(s_->tickets.Create(anna, in).error().code, ErrorCode::kConflict);
  auto page = s_->tickets.List(anna, {});
  EXPECT_EQ(page->items.size(), 1u);
}

TEST_F(Tickets, AnotherCustomerGetsNotFound) {
  auto anna = Make("anna@example.com");
  auto carl = Make("carl@example.com");
  auto t = Open(anna);
  EXPECT_EQ(s_->tickets.Get(carl, t.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(s_->conversation.List(carl, t.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(s_->tickets.Get(carl, core::TicketId{9999}).error().code, ErrorCode::kNotFound);
}

TEST_F(Tickets, ASharingCompanyShowsColleaguesTickets) {
  ASSERT_TRUE(s_->people.AddCompany(std::nullopt, "Acme", true).ok());
  auto anna = Make("anna@acme.example", core::Role::kCustomer, "Acme");
  auto pavel = Make("pavel@acme.example", core::Role::kCustomer, "Acme");
  auto carl = Make("carl@globex.example", core::Role::kCustomer, "Globex");
  auto dana = Make("dana@globex.example", core::Role::kCustomer, "Globex");
  auto t = Open(anna);
  Open(carl);
  EXPECT_TRUE(s_->tickets.Get(pavel, t.id).ok());
  EXPECT_EQ(s_->tickets.List(pavel, {})->items.size(), 1u);
  EXPECT_EQ(s_->tickets.List(dana, {})->items.size(), 0u);  // Globex does not share
}

TEST_F(Tickets, TheQueueIsForStaffAndPaginatesWithACursor) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  for (int i = 0; i < 5; ++i) Open(anna, "ticket " + std::to_string(i));
  service::ListTicketsInput q;
  q.scope = service::Scope::kQueue;
  EXPECT_EQ(s_->tickets.List(anna, q).error().code, ErrorCode::kForbidden);
  q.limit = 2;
  std::vector<std::string> seen;
  for (int page = 0; page < 5; ++page) {
    auto got = s_->tickets.List(agent, q);
    ASSERT_TRUE(got.ok());
    for (const auto& t : got->items) seen.push_back(t.subject);
    if (!got->next_cursor) break;
    q.after = got->next_cursor;
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"ticket 0", "ticket 1", "ticket 2", "ticket 3", "ticket 4"}));
}

TEST_F(Tickets, AStaleVersionIsRefusedAndNothingChanges) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto t = Open(anna);
  service::TicketPatch first;
  first.subject = "Renamed by the first agent";
  first.expected_version = t.version;
  ASSERT_TRUE(s_->tickets.Update(agent, t.id, first).ok());
  service::TicketPatch stale;
  stale.subject = "Renamed by the second agent";
  stale.expected_version = t.version;
  EXPECT_EQ(s_->tickets.Update(agent, t.id, stale).error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(s_->tickets.Get(agent, t.id)->subject, "Renamed by the first agent");
}

TEST_F(Tickets, APatchRecordsOneEventPerChangedField) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto dev = Make("dev@example.com", core::Role::kDeveloper);
  auto t = Open(anna);
  service::TicketPatch p;
  p.status = TicketStatus::kOpen;
  p.criticality = core::Criticality::kHigh;
  p.assignee = dev.id;
  p.group = "support";
  auto updated = s_->tickets.Update(agent, t.id, p);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->version, t.version + 1);
  EXPECT_EQ(updated->assignee_id, dev.id);
  auto history = s_->conversation.History(agent, t.id);
  ASSERT_EQ(history->size(), 5u);  // created + 4 changes
  EXPECT_EQ(history->at(1).kind, core::EventKind::kStatusChanged);
  EXPECT_EQ(history->at(1).old_value, "new");
  EXPECT_EQ(history->at(1).new_value, "open");
  // Routing inside support (group, person) is hidden from the customer.
  auto theirs = s_->conversation.History(anna, t.id);
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs->size(), 3u);
  for (const auto& e : *theirs) {
    EXPECT_NE(e.kind, core::EventKind::kGroupChanged);
    EXPECT_NE(e.kind, core::EventKind::kAssigned);
  }
}

TEST_F(Tickets, CustomersMayCloseAndReopenButNotAssign) {
  auto anna = Make("anna@example.com");
  auto dev = Make("dev@example.com", core::Role::kDeveloper);
  auto t = Open(anna);
  service::TicketPatch assign;
  assign.assignee = dev.id;
  EXPECT_EQ(s_->tickets.Update(anna, t.id, assign).error().code, ErrorCode::kForbidden);
  service::TicketPatch close;
  close.status = TicketStatus::kClosed;
  EXPECT_EQ(s_->tickets.Update(anna, t.id, close)->status, TicketStatus::kClosed);
  service::TicketPatch reopen;
  reopen.status = TicketStatus::kOpen;
  EXPECT_EQ(s_->tickets.Update(anna, t.id, reopen)->status, TicketStatus::kOpen);
}

TEST_F(Tickets, StaffRegisterACallersRequestOnTheCustomersBehalf) {
  ASSERT_TRUE(s_->people.AddCompany(std::nullopt, "Acme", true).ok());
  auto anna = Make("anna@acme.example", core::Role::kCustomer, "Acme");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto in = Input();
  in.channel = "phone";
  in.on_behalf_of = "Anna@Acme.example";
  auto created = s_->tickets.Create(agent, in);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->ticket.initiator_id, anna.id);
  EXPECT_EQ(created->ticket.company_id, anna.company_id);
  EXPECT_TRUE(s_->tickets.Get(anna, created->ticket.id).ok());
  in.on_behalf_of = "l1@example.com";  // staff are not customers
  EXPECT_EQ(s_->tickets.Create(agent, in).error().field, "on_behalf_of");
  in.on_behalf_of = "anna@acme.example";
  EXPECT_EQ(s_->tickets.Create(anna, in).error().code, ErrorCode::kForbidden);
}

TEST_F(Tickets, TheAssigneeMustBeStaff) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto t = Open(anna);
  service::TicketPatch p;
  p.assignee = anna.id;
  EXPECT_EQ(s_->tickets.Update(agent, t.id, p).error().field, "assignee_id");
}

}  // namespace
}  // namespace hd::testing
