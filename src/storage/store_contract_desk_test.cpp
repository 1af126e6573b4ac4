// Contract: presence on tickets, saved views and edited template texts.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Presence;
using core::ports::SavedView;
using core::ports::TemplateText;
using core::ports::Tx;
using std::chrono::seconds;

const core::Timestamp kT = core::FromUnixMillis(1'767'225'600'000);

TEST_P(DeskRepoContract, AnnouncementsKeepTheFirstArrivalAndTakeTheLatestTyping) {
  const core::User ann = AddUser("ann@example.com", core::Role::kL1Operator);
  const core::User bob = AddUser("bob@example.com", core::Role::kL1Operator);
  const core::Ticket t = AddTicket(ann);
  auto announce = [&](const core::User& who, bool typing, core::Timestamp at) {
    return store().Write([&](Tx& tx) {
      return tx.Presence().Announce(Presence{t.id, who.id, typing, at, at});
    });
  };
  ASSERT_TRUE(announce(bob, false, kT + seconds(1)).ok());
  ASSERT_TRUE(announce(ann, false, kT + seconds(2)).ok());
  ASSERT_TRUE(announce(bob, true, kT + seconds(9)).ok());
  auto rows = Must(ReadValue<std::vector<Presence>>(
      [&](Tx& tx) { return tx.Presence().ListForTicket(t.id, kT); }));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].user_id, bob.id);
  EXPECT_TRUE(rows[0].typing);
  EXPECT_EQ(rows[0].since, kT + seconds(1));
  EXPECT_EQ(rows[0].seen_at, kT + seconds(9));
  EXPECT_EQ(rows[1].user_id, ann.id);
  // Seen since an instant: ann's last announcement is older.
  rows = Must(ReadValue<std::vector<Presence>>(
      [&](Tx& tx) { return tx.Presence().ListForTicket(t.id, kT + seconds(5)); }));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].user_id, bob.id);
}

TEST_P(DeskRepoContract, LeavingAndExpiryForgetPeople) {
  const core::User ann = AddUser("ann@example.com", core::Role::kL1Operator);
  const core::User bob = AddUser("bob@example.com", core::Role::kL1Operator);
  const core::Ticket t = AddTicket(ann);
  ASSERT_TRUE(store()
                  .Write([&](Tx& tx) -> Status {
                    HD_RETURN_IF_ERROR(tx.Presence().Announce({t.id, ann.id, false, kT, kT}));
                    return tx.Presence().Announce(
                        {t.id, bob.id, false, kT + seconds(60), kT + seconds(60)});
                  })
                  .ok());
  const auto expired = Must(
      WriteValue<std::int64_t>([&](Tx& tx) { return tx.Presence().Expire(kT + seconds(30)); }));
  EXPECT_EQ(expired, 1);
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Presence().Leave(t.id, bob.id); }).ok());
  // Leaving twice is no error.
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Presence().Leave(t.id, bob.id); }).ok());
  auto rows = Must(ReadValue<std::vector<Presence>>(
      [&](Tx& tx) { return tx.Presence().ListForTicket(t.id, kT); }));
  EXPECT_TRUE(rows.empty());
}

TEST_P(DeskRepoContract, SavedViewsArePerPersonByNameAndDeletedByTheirOwner) {
  const core::User ann = AddUser("ann@example.com", core::Role::kL1Operator);
  const core::User bob = AddUser("bob@example.com", core::Role::kL1Operator);
  const SavedView vip = Must(WriteValue<SavedView>([&](Tx& tx) {
    return tx.Views().Insert({{}, ann.id, "VIP", "level=client_vip", kT});
  }));
  EXPECT_TRUE(vip.id.valid());
  Must(WriteValue<SavedView>([&](Tx& tx) {
    return tx.Views().Insert({{}, ann.id, "Due", "sort=due", kT});
  }));
  const auto mine = Must(
      ReadValue<std::vector<SavedView>>([&](Tx& tx) { return tx.Views().ListForUser(ann.id); }));
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].name, "Due");
  EXPECT_EQ(mine[1].query, "level=client_vip");
  EXPECT_EQ(mine[1].created_at, kT);
  Status taken = store().Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Views().Insert({{}, ann.id, "VIP", "sort=id", kT}));
    return Ok();
  });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  Status not_hers = store().Write([&](Tx& tx) { return tx.Views().Delete(bob.id, vip.id); });
  ASSERT_FALSE(not_hers.ok());
  EXPECT_EQ(not_hers.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Views().Delete(ann.id, vip.id); }).ok());
  EXPECT_EQ(Must(ReadValue<std::vector<SavedView>>([&](Tx& tx) {
              return tx.Views().ListForUser(ann.id);
            })).size(),
            1u);
}

TEST_P(DeskRepoContract, CountMatchingCountsWhatListWouldListWithoutTheLimit) {
  const core::User ann = AddUser("ann@example.com");
  for (int i = 0; i < 5; ++i) AddTicket(ann, "ticket " + std::to_string(i));
  core::ports::TicketQuery q;
  q.limit = 2;
  EXPECT_EQ(Must(ReadValue<std::int64_t>([&](Tx& tx) { return tx.Tickets().CountMatching(q); })),
            5);
  q.initiator_id = core::UserId(ann.id.value + 1000);
  EXPECT_EQ(Must(ReadValue<std::int64_t>([&](Tx& tx) { return tx.Tickets().CountMatching(q); })),
            0);
}

TEST_P(DeskRepoContract, AnEditedTemplateTextReplacesTheLastOneAndCanBeForgotten) {
  const core::User ann = AddUser("ann@example.com", core::Role::kAdministrator);
  auto put = [&](TemplateText t) {
    return store().Write([&](Tx& tx) { return tx.Templates().Put(t); });
  };
  ASSERT_TRUE(put({"off_topic", "ru", "Не по теме.", kT, ann.id}).ok());
  ASSERT_TRUE(put({"mail.reply.subject", "en", "Re: {{subject}}", kT, std::nullopt}).ok());
  ASSERT_TRUE(put({"off_topic", "ru", "Вопрос не по теме.", kT + seconds(5), std::nullopt}).ok());
  auto rows =
      Must(ReadValue<std::vector<TemplateText>>([&](Tx& tx) { return tx.Templates().List(); }));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].template_id, "mail.reply.subject");
  EXPECT_EQ(rows[0].updated_by, std::nullopt);
  EXPECT_EQ(rows[1].template_id, "off_topic");
  EXPECT_EQ(rows[1].body, "Вопрос не по теме.");
  EXPECT_EQ(rows[1].updated_at, kT + seconds(5));
  EXPECT_TRUE(
      Must(WriteValue<bool>([&](Tx& tx) { return tx.Templates().Remove("off_topic", "ru"); })));
  EXPECT_FALSE(
      Must(WriteValue<bool>([&](Tx& tx) { return tx.Templates().Remove("off_topic", "ru"); })));
  rows = Must(ReadValue<std::vector<TemplateText>>([&](Tx& tx) { return tx.Templates().List(); }));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].language, "en");
}

}  // namespace
}  // namespace hd::storage::testing
