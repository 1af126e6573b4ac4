// Contract: tickets (insert, optimistic update) and the list queries.
#include <algorithm>

#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::Ticket;
using core::TicketStatus;
using core::ports::TicketQuery;
using core::ports::Tx;

std::vector<std::int64_t> Ids(const std::vector<Ticket>& tickets) {
  std::vector<std::int64_t> ids;
  for (const auto& t : tickets) ids.push_back(t.id.value);
  return ids;
}

TEST_P(TicketRepoContract, InsertAssignsIdNumberAndFirstVersion) {
  const core::User ann = AddUser("ann@example.com");
  const Ticket first = AddTicket(ann, "First");
  const Ticket second = AddTicket(ann, "Second");
  EXPECT_TRUE(first.id.valid());
  EXPECT_EQ(first.version, 1);
  EXPECT_GT(first.number, 0);
  EXPECT_GT(second.number, first.number);
  EXPECT_EQ(first.number, first.id.value);  // the number people see is the id
  EXPECT_EQ(second.number, second.id.value);
  const Ticket got = Must(ReadValue<Ticket>([&](Tx& tx) { return tx.Tickets().Get(first.id); }));
  const Ticket want = SampleTicket(ann, "First");
  EXPECT_EQ(got.number, first.number);
  EXPECT_EQ(got.subject, "First");
  EXPECT_EQ(got.category, want.category);
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.criticality, want.criticality);
  EXPECT_EQ(got.support_level, want.support_level);
  EXPECT_EQ(got.initiator_id, ann.id);
  EXPECT_FALSE(got.company_id.has_value());
  EXPECT_FALSE(got.assignee_id.has_value());
  EXPECT_EQ(got.channel, "email");
  EXPECT_EQ(got.sources_searched, want.sources_searched);
  EXPECT_EQ(got.steps, want.steps);
  EXPECT_EQ(got.expected, want.expected);
  EXPECT_EQ(got.actual, want.actual);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(got.created_at, want.created_at);
  EXPECT_EQ(got.updated_at, want.updated_at);
  EXPECT_EQ(Must(ReadValue<std::int64_t>([](Tx& tx) { return tx.Tickets().Count(); })), 2);
}

TEST_P(TicketRepoContract, GetOfUnknownTicketIsNotFound) {
  auto r = ReadValue<Ticket>([](Tx& tx) { return tx.Tickets().Get(core::TicketId(12)); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_P(TicketRepoContract, UpdateWritesMutableFieldsAndBumpsVersion) {
  const core::User ann = AddUser("ann@example.com");
  const core::User agent = AddUser("agent@example.com", core::Role::kL1Operator);
  const core::Group support = AddGroup("support", 2);
  Ticket t = AddTicket(ann);
  t.status = TicketStatus::kOpen;
  t.assignee_id = agent.id;
  t.group_id = support.id;
  t.tier = 2;
  t.subject = "Printer on fire";
  t.updated_at += std::chrono::hours(1);
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Tickets().Update(t); }).ok());
  EXPECT_EQ(t.version, 2);
  const Ticket got = Must(ReadValue<Ticket>([&](Tx& tx) { return tx.Tickets().Get(t.id); }));
  EXPECT_EQ(got.version, 2);
  EXPECT_EQ(got.status, TicketStatus::kOpen);
  EXPECT_EQ(got.assignee_id, agent.id);
  EXPECT_EQ(got.group_id, support.id);
  EXPECT_EQ(got.tier, 2);
  EXPECT_EQ(got.subject, "Printer on fire");
  EXPECT_EQ(got.updated_at, t.updated_at);
}

TEST_P(TicketRepoContract, StaleVersionIsPreconditionFailedAndWritesNothing) {
  const core::User ann = AddUser("ann@example.com");
  Ticket mine = AddTicket(ann, "Original");
  Ticket theirs = mine;
  theirs.subject = "Theirs";
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Tickets().Update(theirs); }).ok());
  mine.subject = "Mine";
  mine.status = TicketStatus::kClosed;
  Status s = store().Write([&](Tx& tx) { return tx.Tickets().Update(mine); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(mine.version, 1);
  const Ticket got = Must(ReadValue<Ticket>([&](Tx& tx) { return tx.Tickets().Get(mine.id); }));
  EXPECT_EQ(got.subject, "Theirs");
  EXPECT_EQ(got.status, TicketStatus::kNew);
  EXPECT_EQ(got.version, 2);
}

TEST_P(TicketRepoContract, UpdateOfUnknownTicketIsNotFound) {
  const core::User ann = AddUser("ann@example.com");
  Ticket ghost = SampleTicket(ann, "Ghost");
  ghost.id = core::TicketId(999);
  Status s = store().Write([&](Tx& tx) { return tx.Tickets().Update(ghost); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

TEST_P(TicketListContract, CustomerSeesOwnTicketsOnlyWithoutCompany) {
  const core::Company acme = AddCompany("Acme", true);
  const core::User ann = AddUser("ann@example.com", core::Role::kCustomer, acme.id);
  const core::User bob = AddUser("bob@example.com", core::Role::kCustomer, acme.id);
  const Ticket a1 = AddTicket(ann, "a1");
  AddTicket(bob, "b1");
  const Ticket a2 = AddTicket(ann, "a2");
  TicketQuery q;
  q.initiator_id = ann.id;
  auto got = Must(ReadValue<std::vector<Ticket>>([&](Tx& tx) { return tx.Tickets().List(q); }));
  EXPECT_EQ(Ids(got), (std::vector<std::int64_t>{a2.id.value, a1.id.value}));
}

TEST_P(TicketListContract, CompanyViewPagesNewestFirstAndOldestFirst) {
  const core::Company acme = AddCompany("Acme", true);
  const core::User ann = AddUser("ann@example.com", core::Role::kCustomer, acme.id);
  const core::User bob = AddUser("bob@example.com", core::Role::kCustomer, acme.id);
  const core::User out = AddUser("out@example.com");
  std::vector<std::int64_t> visible;
  for (int i = 0; i < 7; ++i) {
    visible.push_back(AddTicket(i % 2 == 0 ? ann : bob, "t" + std::to_string(i)).id.value);
    AddTicket(out, "outsider");
  }
  for (bool newest_first : {true, false}) {
    TicketQuery q;
    q.initiator_id = ann.id;
    q.company_id = acme.id;
    q.newest_first = newest_first;
    q.limit = 3;
    std::vector<std::int64_t> seen;
    for (int page = 0; page < 4; ++page) {
      auto items =
          Must(ReadValue<std::vector<Ticket>>([&](Tx& tx) { return tx.Tickets().List(q); }));
      EXPECT_LE(items.size(), 3u);
      for (const auto& t : items) seen.push_back(t.id.value);
      if (items.empty()) break;
      q.after = items.back().id;
    }
    std::vector<std::int64_t> want = visible;
    if (newest_first) std::reverse(want.begin(), want.end());
    EXPECT_EQ(seen, want) << (newest_first ? "newest first" : "oldest first");
  }
}

TEST_P(TicketListContract, StaffFiltersCombine) {
  const core::User ann = AddUser("ann@example.com");
  const core::User agent = AddUser("agent@example.com", core::Role::kL1Operator);
  const core::Group support = AddGroup("support", 1);
  const core::Group dev = AddGroup("dev", 3);
  auto make = [&](TicketStatus status, std::optional<core::GroupId> group, int tier,
                  std::optional<core::UserId> assignee) {
    Ticket t = SampleTicket(ann, "x");
    t.status = status;
    t.group_id = group;
    t.tier = tier;
    t.assignee_id = assignee;
    return AddTicket(t).id.value;
  };
  const auto open_support = make(TicketStatus::kOpen, support.id, 1, agent.id);
  const auto new_support = make(TicketStatus::kNew, support.id, 1, std::nullopt);
  const auto pending_dev = make(TicketStatus::kPending, dev.id, 3, std::nullopt);
  const auto closed_dev = make(TicketStatus::kClosed, dev.id, 3, agent.id);
  auto list = [&](TicketQuery q) {
    q.newest_first = false;
    return Ids(Must(ReadValue<std::vector<Ticket>>([&](Tx& tx) { return tx.Tickets().List(q); })));
  };
  TicketQuery by_status;
  by_status.statuses = {TicketStatus::kNew, TicketStatus::kOpen, TicketStatus::kPending};
  EXPECT_EQ(list(by_status), (std::vector<std::int64_t>{open_support, new_support, pending_dev}));
  TicketQuery by_group;
  by_group.group_id = dev.id;
  EXPECT_EQ(list(by_group), (std::vector<std::int64_t>{pending_dev, closed_dev}));
  TicketQuery by_tier;
  by_tier.tier = 1;
  EXPECT_EQ(list(by_tier), (std::vector<std::int64_t>{open_support, new_support}));
  TicketQuery by_assignee;
  by_assignee.assignee_id = agent.id;
  EXPECT_EQ(list(by_assignee), (std::vector<std::int64_t>{open_support, closed_dev}));
  TicketQuery unassigned_open = by_status;
  unassigned_open.unassigned_only = true;
  EXPECT_EQ(list(unassigned_open), (std::vector<std::int64_t>{new_support, pending_dev}));
  TicketQuery none;
  none.group_id = dev.id;
  none.tier = 1;
  EXPECT_TRUE(list(none).empty());
}

TEST_P(TicketListContract, LimitCapsThePage) {
  const core::User ann = AddUser("ann@example.com");
  for (int i = 0; i < 5; ++i) AddTicket(ann);
  TicketQuery q;
  q.limit = 2;
  auto got = Must(ReadValue<std::vector<Ticket>>([&](Tx& tx) { return tx.Tickets().List(q); }));
  EXPECT_EQ(got.size(), 2u);
  q.limit = 0;
  got = Must(ReadValue<std::vector<Ticket>>([&](Tx& tx) { return tx.Tickets().List(q); }));
  EXPECT_TRUE(got.empty());
}

}  // namespace
}  // namespace hd::storage::testing
