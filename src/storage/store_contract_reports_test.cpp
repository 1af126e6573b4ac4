// Contract: the reports' aggregates (ports::ReportRepo) on a fixed set of
// clocks whose figures are worked out by hand below, on every engine.
#include <tuple>

#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::ReportFilter;
using core::ports::SlaGrouping;
using core::ports::Tx;

constexpr std::int64_t kHour = 3'600'000;
const core::Timestamp kStart = core::FromUnixMillis(1'767'261'600'000);  // 2026-01-01T10:00Z
core::Timestamp At(std::int64_t ms) { return kStart + std::chrono::milliseconds(ms); }

std::vector<core::ports::SlaFigures> SlaOf(core::ports::Store& store, const ReportFilter& f,
                                           SlaGrouping by, std::int64_t now_ms) {
  std::vector<core::ports::SlaFigures> out;
  Status s = store.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Reports().Sla(f, by, At(now_ms)));
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  return out;
}

ReportFilter Period(std::int64_t from_ms, std::int64_t to_ms) {
  ReportFilter f;
  f.from = At(from_ms);
  f.to = At(to_ms);
  return f;
}

}  // namespace

void ReportRepoContract::SetUp() {
  StoreContract::SetUp();
  if (IsSkipped()) return;
  customer_ = AddUser("reports@example.com");
  agent_ = AddUser("agent@example.com", core::Role::kL1Operator);
  other_ = AddUser("other@example.com", core::Role::kL1Operator);
  acme_ = AddCompany("Acme", false);
  version_ = Must(WriteValue<core::SlaLevelVersion>([](Tx& tx) {
    core::SlaLevelVersion v;
    v.level_id = "client_vip";
    v.title = "VIP";
    v.first_response_s = 3600;
    v.calendar = "ru-business";
    v.created_at = kStart;
    return tx.Sla().InsertLevelVersion(v);
  }));
}

core::TicketId ReportRepoContract::Clock(const ClockSpec& spec) {
  core::Ticket t = SampleTicket(customer_, "Report me");
  t.created_at = At(spec.opened_ms);
  t.updated_at = t.created_at;
  t.support_level = spec.level;
  t.company_id = spec.company;
  t.channel = spec.channel;
  t.group_id.reset();
  t.assignee_id.reset();
  t.tier = spec.level == "client_vip" ? 2 : 1;
  core::Ticket stored = AddTicket(t);
  core::TicketSla c;
  c.ticket_id = stored.id;
  c.level_id = spec.level;
  c.level_version_id = version_.id;
  c.calendar = spec.level == "special" ? "24x7" : "ru-business";
  c.started_at = t.created_at;
  if (spec.due_ms) c.first_response_due = At(*spec.due_ms);
  if (spec.answered_ms) c.first_response_at = At(*spec.answered_ms);
  if (spec.by) c.first_response_by = spec.by->id;
  c.first_response_s = spec.first_response_s;
  if (spec.resolution_s) {
    c.resolution_s = spec.resolution_s;
    c.resolved_at = At(spec.opened_ms + 10 * kHour);
    c.resolution_due = At(spec.opened_ms + 20 * kHour);
  }
  c.updated_at = t.created_at;
  EXPECT_TRUE(store().Write([&](Tx& tx) { return tx.Sla().InsertClock(c); }).ok());
  return stored.id;
}

namespace {

TEST_P(ReportRepoContract, SlaFiguresPerLevelComeFromTheStoredWorkingTimes) {
  // client_vip: answered in 30 min (met), 90 min (late), 61 min (late),
  // one unanswered and overdue, one unanswered not yet due; special: one
  // answered in 5 min (met) and resolved in 2 h.
  Clock({.opened_ms = 0,
         .level = "client_vip",
         .first_response_s = 1800,
         .due_ms = kHour,
         .answered_ms = kHour / 2,
         .by = &agent_});
  Clock({.opened_ms = 1,
         .level = "client_vip",
         .first_response_s = 5400,
         .due_ms = kHour,
         .answered_ms = 90 * 60'000,
         .by = &agent_});
  Clock({.opened_ms = 2,
         .level = "client_vip",
         .first_response_s = 3660,
         .due_ms = kHour,
         .answered_ms = 2 * kHour,
         .by = &other_});
  Clock({.opened_ms = 3, .level = "client_vip", .due_ms = kHour});
  Clock({.opened_ms = 4, .level = "client_vip", .due_ms = 100 * kHour});
  Clock({.opened_ms = 5,
         .level = "special",
         .first_response_s = 300,
         .due_ms = kHour,
         .answered_ms = 5 * 60'000,
         .by = &agent_,
         .resolution_s = 7200});
  Clock({.opened_ms = 100 * kHour,
         .level = "client_vip",
         .first_response_s = 60,
         .due_ms = kHour,
         .answered_ms = 100 * kHour + 60'000,
         .by = &agent_});  // outside
  const auto rows = SlaOf(store(), Period(0, 50 * kHour), SlaGrouping::kLevel, 10 * kHour);
  ASSERT_EQ(rows.size(), 2u);
  const auto& vip = rows[0];
  EXPECT_EQ(vip.key, "client_vip");
  EXPECT_EQ(vip.calendar, "ru-business");
  EXPECT_EQ(vip.tickets, 5);
  EXPECT_EQ(vip.first_response.count, 3);
  EXPECT_EQ(vip.first_response.total_s, 1800 + 5400 + 3660);
  EXPECT_EQ(vip.first_response.max_s, 5400);
  EXPECT_EQ(vip.first_response.met, 1);
  EXPECT_EQ(vip.first_response.missed, 3);  // two late, one overdue
  using Minutes = std::vector<std::pair<std::int64_t, std::int64_t>>;
  EXPECT_EQ(vip.first_response.minutes, (Minutes{{30, 1}, {61, 1}, {90, 1}}));
  EXPECT_EQ(vip.resolution.count, 0);
  const auto& special = rows[1];
  EXPECT_EQ(std::make_tuple(special.key, special.calendar),
            std::make_tuple(std::string("special"), std::string("24x7")));
  EXPECT_EQ(special.first_response.met, 1);
  EXPECT_EQ(special.resolution.count, 1);
  EXPECT_EQ(special.resolution.total_s, 7200);
  EXPECT_EQ(special.resolution.met, 1);
  EXPECT_EQ(special.resolution.minutes, (Minutes{{120, 1}}));
}

TEST_P(ReportRepoContract, SlaFiguresGroupByAgentAndTierAndFilter) {
  Clock({.opened_ms = 0,
         .level = "client_vip",
         .first_response_s = 1800,
         .due_ms = kHour,
         .answered_ms = kHour / 2,
         .by = &agent_,
         .company = acme_.id});
  Clock({.opened_ms = 1,
         .level = "client_vip",
         .first_response_s = 3660,
         .due_ms = kHour,
         .answered_ms = 2 * kHour,
         .by = &other_});
  Clock({.opened_ms = 2,
         .level = "special",
         .first_response_s = 300,
         .due_ms = kHour,
         .answered_ms = 5 * 60'000,
         .by = &agent_});
  Clock({.opened_ms = 3, .level = "special", .due_ms = kHour});
  const auto by_agent = SlaOf(store(), Period(0, kHour), SlaGrouping::kAgent, 0);
  ASSERT_EQ(by_agent.size(), 3u);
  EXPECT_EQ(by_agent[0].key, "");  // nobody answered
  EXPECT_EQ(by_agent[1].key, std::to_string(agent_.id.value));
  EXPECT_EQ(by_agent[1].tickets, 2);
  EXPECT_EQ(by_agent[1].calendar, "");  // ru-business and 24x7
  EXPECT_EQ(by_agent[2].key, std::to_string(other_.id.value));
  const auto by_tier = SlaOf(store(), Period(0, kHour), SlaGrouping::kTier, 0);
  ASSERT_EQ(by_tier.size(), 2u);
  EXPECT_EQ(std::make_tuple(by_tier[0].key, by_tier[0].tickets),
            std::make_tuple(std::string("1"), std::int64_t{2}));
  EXPECT_EQ(std::make_tuple(by_tier[1].key, by_tier[1].tickets),
            std::make_tuple(std::string("2"), std::int64_t{2}));
  ReportFilter only_acme = Period(0, kHour);
  only_acme.company = acme_.id;
  const auto acme = SlaOf(store(), only_acme, SlaGrouping::kLevel, 0);
  ASSERT_EQ(acme.size(), 1u);
  EXPECT_EQ(acme[0].tickets, 1);
  ReportFilter special = Period(0, kHour);
  special.levels = {"special"};
  EXPECT_EQ(SlaOf(store(), special, SlaGrouping::kLevel, 0).at(0).tickets, 2);
  EXPECT_TRUE(SlaOf(store(), Period(kHour, 2 * kHour), SlaGrouping::kLevel, 0).empty());
}

TEST_P(ReportRepoContract, IntakeCountsTicketsPerHourAndKey) {
  Clock({.opened_ms = 0, .level = "client_vip", .channel = "web"});
  Clock({.opened_ms = 10 * 60'000, .level = "client_vip", .channel = "email"});
  Clock({.opened_ms = 20 * 60'000, .level = "special", .channel = "email"});
  Clock({.opened_ms = 3 * kHour, .level = "special", .channel = "email"});
  const auto counts = Must(ReadValue<std::vector<core::ports::IntakeCount>>([&](Tx& tx) {
    return tx.Reports().Intake(Period(0, 4 * kHour), core::ports::IntakeGrouping::kChannel);
  }));
  const std::int64_t first_hour = core::ToUnixMillis(kStart) / kHour;
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(std::make_tuple(counts[0].hour, counts[0].key, counts[0].tickets),
            std::make_tuple(first_hour, std::string("email"), std::int64_t{2}));
  EXPECT_EQ(std::make_tuple(counts[1].hour, counts[1].key, counts[1].tickets),
            std::make_tuple(first_hour, std::string("web"), std::int64_t{1}));
  EXPECT_EQ(std::make_tuple(counts[2].hour, counts[2].key, counts[2].tickets),
            std::make_tuple(first_hour + 3, std::string("email"), std::int64_t{1}));
  const auto all = Must(ReadValue<std::vector<core::ports::IntakeCount>>([&](Tx& tx) {
    return tx.Reports().Intake(Period(0, 4 * kHour), core::ports::IntakeGrouping::kL1Class);
  }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(std::make_tuple(all[0].key, all[0].tickets),
            std::make_tuple(std::string(""), std::int64_t{3}));
}

}  // namespace

}  // namespace hd::storage::testing
