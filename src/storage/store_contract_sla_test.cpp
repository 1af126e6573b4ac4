// Contract: the SLA policy's shared state (its version and the calendar
// definitions administrators store) and nested savepoints of a transaction.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;
using Definition = core::ports::SlaRepo::CalendarDefinition;

const core::Timestamp kAt = core::FromUnixMillis(1'767'261'600'000);

TEST_P(SlaRepoContract, PolicyVersionStartsAtZeroAndCountsBumps) {
  auto version = [&] {
    return Must(ReadValue<std::int64_t>([](Tx& tx) { return tx.Sla().PolicyVersion(); }));
  };
  EXPECT_EQ(version(), 0);
  ASSERT_TRUE(store().Write([](Tx& tx) { return tx.Sla().BumpPolicyVersion(); }).ok());
  EXPECT_EQ(version(), 1);
  ASSERT_TRUE(store()
                  .Write([](Tx& tx) -> Status {
                    HD_RETURN_IF_ERROR(tx.Sla().BumpPolicyVersion());
                    return tx.Sla().BumpPolicyVersion();
                  })
                  .ok());
  EXPECT_EQ(version(), 3);
}

TEST_P(SlaRepoContract, CalendarDefinitionIsReplacedById) {
  auto put = [&](const std::string& id, const std::string& content) {
    ASSERT_TRUE(store()
                    .Write([&](Tx& tx) {
                      return tx.Sla().PutCalendarDefinition(Definition{id, content, kAt});
                    })
                    .ok());
  };
  put("de-berlin", "first");
  put("at-vienna", "vienna");
  put("de-berlin", "second");
  auto all = Must(ReadValue<std::vector<Definition>>(
      [](Tx& tx) { return tx.Sla().ListCalendarDefinitions(); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].calendar_id, "at-vienna");
  EXPECT_EQ(all[1].calendar_id, "de-berlin");
  EXPECT_EQ(all[1].content, "second");
  EXPECT_EQ(all[1].updated_at, kAt);
}

TEST_P(StoreTransactionContract, IsolatedFailureUndoesOnlyItsOwnChanges) {
  Status isolated_status;
  Status s = store().Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Users().Insert([] {
      core::User u;
      u.email = u.name = "kept@example.com";
      u.password_hash = "h";
      return u;
    }()));
    isolated_status = tx.Isolated([](Tx& inner) -> Status {
      core::User u;
      u.email = u.name = "undone@example.com";
      u.password_hash = "h";
      HD_RETURN_IF_ERROR(inner.Users().Insert(u));
      return Error::InvalidArgument("this one fails");
    });
    return tx.Isolated([](Tx& inner) -> Status {
      core::User u;
      u.email = u.name = "after@example.com";
      u.password_hash = "h";
      HD_RETURN_IF_ERROR(inner.Users().Insert(u));
      return Ok();
    });
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_FALSE(isolated_status.ok());
  EXPECT_EQ(isolated_status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(CountUsers(), 2);
}

}  // namespace
}  // namespace hd::storage::testing
