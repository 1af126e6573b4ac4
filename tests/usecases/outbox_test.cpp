// The one outbox: a notification addressed to a person, a role or a group is
// queued once per user it reaches, and each user reads and marks their own.
#include <algorithm>

#include "env.hpp"
#include "service/outbox.hpp"

namespace hd::testing {
namespace {

using core::Role;
using service::Audience;

class Outbox : public UseCaseTest {
 protected:
  int Queue(const Audience& audience, const std::string& subject = "Heads up") {
    int queued = 0;
    auto written = store_->Write([&](core::ports::Tx& tx) -> Status {
      core::ports::Notification note;
      note.kind = "process";
      note.subject = subject;
      note.body = "Something happened.";
      note.created_at = clock_.Now();
      HD_ASSIGN_OR_RETURN(queued, service::QueueNotification(
                                      tx, s_->processes.settings().role_groups, note, audience));
      return Ok();
    });
    EXPECT_TRUE(written.ok()) << written.error().message;
    return queued;
  }

  service::NotificationPage Mine(const service::Actor& who) {
    auto page = s_->notifications.List(who, std::nullopt, 0);
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? *page : service::NotificationPage{};
  }
};

TEST_F(Outbox, ARoleReachesEveryActiveUserOfIt) {
  auto t1 = Make("t1@example.com", Role::kTester);
  auto t2 = Make("t2@example.com", Role::kTester);
  auto dev = Make("dev@example.com", Role::kDeveloper);
  EXPECT_EQ(Queue(Audience::OfRole(Role::kTester)), 2);
  EXPECT_EQ(Mine(t1).unread, 1);
  EXPECT_EQ(Mine(t2).items.at(0).audience, "role:tester");
  EXPECT_TRUE(Mine(dev).items.empty());
}

TEST_F(Outbox, AGroupReachesTheRolesWorkingFromItElseTheAdministrators) {
  auto l1 = Make("l1@example.com", Role::kL1Operator);
  auto admin = Make("admin@example.com", Role::kAdministrator);
  EXPECT_EQ(Queue(Audience::OfGroup("support")), 1);  // the L1 operators' queue
  EXPECT_EQ(Mine(l1).items.at(0).audience, "group:support");
  EXPECT_EQ(Queue(Audience::OfGroup("content")), 1);  // no role works from it
  EXPECT_EQ(Mine(admin).items.at(0).audience, "group:content");
}

TEST_F(Outbox, AGroupWithMembersReachesItsActiveMembersOnly) {
  auto l1 = Make("l1@example.com", Role::kL1Operator);
  auto dev = Make("dev@example.com", Role::kDeveloper);
  auto gone = Make("gone@example.com", Role::kTester);
  auto support = s_->people.Groups(std::nullopt);
  ASSERT_TRUE(support.ok());
  auto group = std::find_if(support->begin(), support->end(),
                            [](const auto& g) { return g.group.slug == "support"; });
  ASSERT_NE(group, support->end());
  service::GroupPatch patch;
  patch.members = std::vector<core::UserId>{dev.id, gone.id};
  ASSERT_TRUE(s_->people.UpdateGroup(std::nullopt, group->group.id, patch).ok());
  service::PersonPatch disable;
  disable.disabled = true;
  ASSERT_TRUE(s_->people.UpdateUser(std::nullopt, gone.id, disable).ok());
  EXPECT_EQ(Queue(Audience::OfGroup("support")), 1);
  EXPECT_EQ(Mine(dev).items.at(0).audience, "group:support");
  EXPECT_TRUE(Mine(l1).items.empty());  // the role working from it is not asked any more
}

TEST_F(Outbox, AnAudienceWithNobodyLeavesOneRowForDelivery) {
  EXPECT_EQ(Queue(Audience::OfRole(Role::kRfcBoard)), 0);
  auto rows = store_->Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto unsent, tx.Notifications().ListUnsent(10));
    EXPECT_EQ(unsent.size(), 1u);
    if (!unsent.empty()) {
      EXPECT_FALSE(unsent[0].user_id.has_value());
      EXPECT_EQ(unsent[0].audience, "role:rfc_board");
    }
    return Ok();
  });
  EXPECT_TRUE(rows.ok());
}

TEST_F(Outbox, EachUserReadsAndMarksOnlyTheirOwnNewestFirst) {
  auto anna = Make("anna@example.com");
  auto bob = Make("bob@example.com");
  Queue(Audience::Person(anna.id), "first");
  clock_.Advance(std::chrono::seconds(1));
  Queue(Audience::Person(anna.id), "second");
  auto page = Mine(anna);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].subject, "second");
  EXPECT_EQ(page.unread, 2);
  const auto id = page.items[1].id;
  EXPECT_EQ(s_->notifications.MarkRead(bob, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*s_->notifications.MarkRead(anna, id), 1);
  EXPECT_EQ(*s_->notifications.MarkRead(anna, id), 1);  // again: no error, no change
  page = Mine(anna);
  EXPECT_TRUE(page.items[1].read_at.has_value());
  EXPECT_FALSE(page.items[0].read_at.has_value());
  auto first = s_->notifications.List(anna, std::nullopt, 1).value();
  ASSERT_TRUE(first.next_cursor.has_value());
  auto rest = s_->notifications.List(anna, first.next_cursor, 1).value();
  EXPECT_EQ(rest.items.at(0).subject, "first");
  EXPECT_FALSE(rest.next_cursor.has_value());
  EXPECT_EQ(s_->notifications.List(anna, std::nullopt, 100'000).error().field, "limit");
}

}  // namespace
}  // namespace hd::testing
