// The event repository's reads for live updates, on every engine: events of
// all tickets after an id, chosen events by id, and the last id.
#include "storage/store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

core::EventId Append(core::ports::Store& store, core::TicketId ticket, bool internal) {
  core::Event e;
  e.ticket_id = ticket;
  e.at = ConversationRepoContract::kAt;
  e.kind = core::EventKind::kReplied;
  e.internal = internal;
  core::EventId id;
  Status s = store.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(e, tx.Events().Append(e));
    id = e.id;
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  return id;
}

TEST_P(ConversationRepoContract, ListsEventsOfEveryTicketAfterAnId) {
  const core::Ticket other = AddTicket(customer_, "Scanner");
  EXPECT_EQ(Must(ReadValue<core::EventId>([](Tx& tx) { return tx.Events().LastId(); })).value, 0);
  const core::EventId a = Append(store(), ticket_.id, false);
  const core::EventId b = Append(store(), other.id, true);
  const core::EventId c = Append(store(), ticket_.id, false);
  const core::EventId kMax{INT64_MAX};
  auto all = Must(ReadValue<std::vector<core::Event>>(
      [&](Tx& tx) { return tx.Events().ListAfter(core::EventId(0), kMax, 10); }));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, a);
  EXPECT_EQ(all[1].id, b);
  EXPECT_TRUE(all[1].internal);  // every event: the caller filters
  EXPECT_EQ(all[1].ticket_id, other.id);
  EXPECT_EQ(all[2].id, c);
  auto middle = Must(
      ReadValue<std::vector<core::Event>>([&](Tx& tx) { return tx.Events().ListAfter(a, b, 10); }));
  ASSERT_EQ(middle.size(), 1u);
  EXPECT_EQ(middle[0].id, b);
  auto limited = Must(ReadValue<std::vector<core::Event>>(
      [&](Tx& tx) { return tx.Events().ListAfter(core::EventId(0), kMax, 2); }));
  ASSERT_EQ(limited.size(), 2u);
  EXPECT_EQ(limited[1].id, b);
  EXPECT_EQ(Must(ReadValue<core::EventId>([](Tx& tx) { return tx.Events().LastId(); })), c);
}

TEST_P(ConversationRepoContract, ListsChosenEventsByIdLeavingOutThoseNotStored) {
  const core::EventId a = Append(store(), ticket_.id, false);
  Append(store(), ticket_.id, true);  // not asked for
  const core::EventId c = Append(store(), ticket_.id, false);
  const core::EventId missing{c.value + 100};
  auto chosen = Must(ReadValue<std::vector<core::Event>>([&](Tx& tx) {
    return tx.Events().ListByIds({c, missing, a});
  }));
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0].id, a);  // in id order, whatever the order asked
  EXPECT_EQ(chosen[1].id, c);
  EXPECT_EQ(chosen[1].ticket_id, ticket_.id);
  auto none =
      Must(ReadValue<std::vector<core::Event>>([&](Tx& tx) { return tx.Events().ListByIds({}); }));
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace hd::storage::testing
