// Contract: the class proposed for a ticket's L1 classification and the
// class an operator chose.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::L1Hint;
using core::ports::L1HintCount;
using core::ports::Tx;
using std::chrono::hours;

const core::Timestamp kT = core::FromUnixMillis(1'767'225'600'000);

L1Hint Obscene(core::TicketId ticket, core::Timestamp at) {
  return L1Hint{ticket, "obscene_language", "obscenity", {"х.у.й", "f*ck"}, at, {}, {}};
}

TEST_P(L1HintRepoContract, AProposalIsKeptWithItsEvidenceAndNotReplaced) {
  const core::User ann = AddUser("ann@example.com", core::Role::kCustomer);
  const core::Ticket t = AddTicket(ann);
  auto propose = [&](const L1Hint& hint) {
    return Must(WriteValue<bool>([&](Tx& tx) { return tx.L1Hints().Propose(hint); }));
  };
  EXPECT_TRUE(propose(Obscene(t.id, kT)));
  L1Hint other = Obscene(t.id, kT + hours(1));
  other.proposed_class = "off_topic";
  EXPECT_FALSE(propose(other));
  auto found =
      Must(ReadValue<std::optional<L1Hint>>([&](Tx& tx) { return tx.L1Hints().Find(t.id); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->proposed_class, "obscene_language");
  EXPECT_EQ(found->source, "obscenity");
  EXPECT_EQ(found->evidence, (std::vector<std::string>{"х.у.й", "f*ck"}));
  EXPECT_EQ(found->proposed_at, kT);
  EXPECT_FALSE(found->decided_class.has_value());
  const core::Ticket none = AddTicket(ann);
  EXPECT_FALSE(Must(ReadValue<std::optional<L1Hint>>([&](Tx& tx) {
                 return tx.L1Hints().Find(none.id);
               })).has_value());
}

TEST_P(L1HintRepoContract, TheFirstDecisionCountsAndTheReportCountsAcceptedProposals) {
  const core::User ann = AddUser("ann@example.com", core::Role::kCustomer);
  const core::Ticket accepted = AddTicket(ann);
  const core::Ticket overruled = AddTicket(ann);
  const core::Ticket open = AddTicket(ann);
  const core::Ticket earlier = AddTicket(ann);
  ASSERT_TRUE(
      store()
          .Write([&](Tx& tx) -> Status {
            for (const auto* t : {&accepted, &overruled, &open}) {
              HD_ASSIGN_OR_RETURN(bool stored, tx.L1Hints().Propose(Obscene(t->id, kT)));
              if (!stored) return Error::Internal("not stored");
            }
            HD_ASSIGN_OR_RETURN(bool stored,
                                tx.L1Hints().Propose(Obscene(earlier.id, kT - hours(48))));
            if (!stored) return Error::Internal("not stored");
            HD_RETURN_IF_ERROR(tx.L1Hints().Decide(accepted.id, "obscene_language", kT + hours(1)));
            HD_RETURN_IF_ERROR(tx.L1Hints().Decide(overruled.id, "off_topic", kT + hours(1)));
            // A later change of the class is not the operator's decision.
            return tx.L1Hints().Decide(overruled.id, "obscene_language", kT + hours(2));
          })
          .ok());
  auto decided = Must(
      ReadValue<std::optional<L1Hint>>([&](Tx& tx) { return tx.L1Hints().Find(overruled.id); }));
  ASSERT_TRUE(decided.has_value());
  EXPECT_EQ(decided->decided_class, "off_topic");
  EXPECT_EQ(decided->decided_at, kT + hours(1));
  auto counts = Must(ReadValue<std::vector<L1HintCount>>([&](Tx& tx) {
    core::ports::ReportFilter filter;
    filter.from = kT - hours(1);
    filter.to = kT + hours(24);
    return tx.L1Hints().Count(filter);
  }));
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].source, "obscenity");
  EXPECT_EQ(counts[0].proposed_class, "obscene_language");
  EXPECT_EQ(counts[0].proposed, 3);
  EXPECT_EQ(counts[0].decided, 2);
  EXPECT_EQ(counts[0].accepted, 1);
}

}  // namespace
}  // namespace hd::storage::testing
