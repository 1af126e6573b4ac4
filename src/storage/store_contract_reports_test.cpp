// Contract: the reports' aggregates (ports::ReportRepo) on a fixed set of
// clocks whose figures are worked out by hand below, on every engine.
#include <map>
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

TEST_P(ReportRepoContract, ComplianceCountsOutcomesPerHour) {
  // Hour 0: met, late, overdue (now = 10 h), waiting for its due; hour 2:
  // met and resolved on time.
  Clock({.opened_ms = 0, .first_response_s = 60, .due_ms = kHour, .answered_ms = kHour / 2});
  Clock({.opened_ms = 1, .first_response_s = 60, .due_ms = kHour, .answered_ms = 2 * kHour});
  Clock({.opened_ms = 2, .due_ms = kHour});
  Clock({.opened_ms = 3, .due_ms = 100 * kHour});
  Clock({.opened_ms = 2 * kHour,
         .level = "special",
         .first_response_s = 60,
         .due_ms = 3 * kHour,
         .answered_ms = 2 * kHour + 60'000,
         .resolution_s = 600});
  const auto counts = Must(ReadValue<std::vector<core::ports::ComplianceCount>>(
      [&](Tx& tx) { return tx.Reports().Compliance(Period(0, 5 * kHour), At(10 * kHour)); }));
  const std::int64_t first_hour = core::ToUnixMillis(kStart) / kHour;
  using core::ports::Outcome;
  std::map<std::tuple<std::int64_t, Outcome, Outcome>, std::int64_t> got;
  for (const auto& c : counts) got[{c.hour, c.first_response, c.resolution}] += c.tickets;
  const std::map<std::tuple<std::int64_t, Outcome, Outcome>, std::int64_t> want = {
      {{first_hour, Outcome::kMet, Outcome::kNone}, 1},
      {{first_hour, Outcome::kMissed, Outcome::kNone}, 2},
      {{first_hour, Outcome::kNone, Outcome::kNone}, 1},
      {{first_hour + 2, Outcome::kMet, Outcome::kMet}, 1}};
  EXPECT_EQ(got, want);
}

TEST_P(ReportRepoContract, BreachesListMissedTargetsNewestFirstByPage) {
  const auto met = Clock({.opened_ms = 0, .due_ms = kHour, .answered_ms = kHour / 2});
  const auto late = Clock({.opened_ms = 1, .due_ms = kHour, .answered_ms = 2 * kHour});
  const auto overdue = Clock({.opened_ms = 2, .due_ms = kHour});
  const auto not_yet = Clock({.opened_ms = 3, .due_ms = 100 * kHour});
  const auto second_late = Clock({.opened_ms = 4, .due_ms = kHour, .answered_ms = 3 * kHour});
  (void)met;
  (void)not_yet;
  auto page = [&](std::optional<core::ports::BreachCursor> after, int limit) {
    return Must(ReadValue<std::vector<core::ports::BreachedClock>>([&](Tx& tx) {
      return tx.Reports().Breaches(Period(0, kHour), core::ports::SlaTarget::kAny, At(10 * kHour),
                                   after, limit);
    }));
  };
  const auto first = page(std::nullopt, 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].ticket, second_late);
  EXPECT_EQ(first[1].ticket, overdue);
  EXPECT_EQ(first[1].subject, "Report me");
  EXPECT_FALSE(first[1].first_response_at.has_value());
  const auto rest = page(core::ports::BreachCursor{first[1].started_at, first[1].ticket}, 2);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].ticket, late);
  const auto resolution = Must(ReadValue<std::vector<core::ports::BreachedClock>>([&](Tx& tx) {
    return tx.Reports().Breaches(Period(0, kHour), core::ports::SlaTarget::kResolution,
                                 At(10 * kHour), std::nullopt, 10);
  }));
  EXPECT_TRUE(resolution.empty());
}

TEST_P(ReportRepoContract, TiersCountSolvedTicketsAndThoseThatLeftTheFirstTier) {
  const auto stays = Clock({.opened_ms = 0, .level = "non_commercial"});
  const auto escalated = Clock({.opened_ms = 1, .level = "non_commercial"});
  Clock({.opened_ms = 2});  // client_vip: opened at tier 2
  Must(WriteValue<bool>([&](Tx& tx) -> Result<bool> {
    HD_ASSIGN_OR_RETURN(core::Ticket t, tx.Tickets().Get(stays));
    t.status = core::TicketStatus::kResolved;
    HD_RETURN_IF_ERROR(tx.Tickets().Update(t));
    HD_ASSIGN_OR_RETURN(core::Ticket e, tx.Tickets().Get(escalated));
    e.tier = 3;
    e.status = core::TicketStatus::kClosed;
    HD_RETURN_IF_ERROR(tx.Tickets().Update(e));
    for (const char* to : {"2", "3"}) {
      core::Event ev;
      ev.ticket_id = escalated;
      ev.at = At(10);
      ev.kind = core::EventKind::kFieldChanged;
      ev.field = "tier";
      ev.old_value = std::string(to) == "2" ? "1" : "2";
      ev.new_value = to;
      HD_RETURN_IF_ERROR(tx.Events().Append(ev));
    }
    return true;
  }));
  const auto tiers = Must(ReadValue<std::vector<core::ports::TierCount>>(
      [&](Tx& tx) { return tx.Reports().Tiers(Period(0, kHour)); }));
  std::map<std::pair<int, bool>, std::int64_t> got;
  for (const auto& t : tiers) got[{t.tier, t.solved}] = t.tickets;
  const std::map<std::pair<int, bool>, std::int64_t> want = {
      {{1, true}, 1}, {{2, false}, 1}, {{3, true}, 1}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(Must(ReadValue<std::int64_t>(
                [&](Tx& tx) { return tx.Reports().EscalatedFromFirstTier(Period(0, kHour)); })),
            1);
  EXPECT_EQ(Must(ReadValue<std::int64_t>([&](Tx& tx) {
              return tx.Reports().EscalatedFromFirstTier(Period(kHour, 2 * kHour));
            })),
            0);
}

TEST_P(ReportRepoContract, ChangesCountTicketsThatReachedAnApprovalByLastDecision) {
  auto on_process = [&](std::int64_t opened,
                        std::vector<std::pair<std::string, std::string>> path) {
    const auto id = Clock({.opened_ms = opened});
    core::ProcessState p;
    p.ticket_id = id;
    p.process_id = "support";
    p.version = 1;
    p.state = path.back().first;
    p.seq = static_cast<std::int64_t>(path.size());
    p.entered_at = At(opened);
    for (std::size_t i = 0; i < path.size(); ++i) {
      p.path.push_back({static_cast<std::int64_t>(i + 1), path[i].first, path[i].second,
                        std::nullopt, At(opened), ""});
    }
    EXPECT_TRUE(store().Write([&](Tx& tx) { return tx.Processes().InsertState(p); }).ok());
    return id;
  };
  on_process(0, {{"l1_new", ""}, {"rfc_review", "classify_rfc"}});
  on_process(1, {{"l1_new", ""}, {"rfc_review", "classify_rfc"}, {"rfc_approved", "approve"}});
  on_process(2, {{"l1_new", ""},
                 {"rfc_review", "classify_rfc"},
                 {"rfc_approved", "approve"},
                 {"rfc_review", "send_back"},
                 {"closed", "reject"}});
  on_process(3, {{"l1_new", ""}, {"closed", "close_faq"}});  // never at the board
  core::ports::ApprovalIds approvals{{"rfc_review"}, {"approve", "reject"}};
  const auto changes = Must(ReadValue<std::vector<core::ports::ChangeCount>>(
      [&](Tx& tx) { return tx.Reports().Changes(Period(0, kHour), approvals); }));
  std::map<std::pair<std::string, std::string>, std::int64_t> got;
  for (const auto& c : changes) got[{c.decision, c.state}] = c.tickets;
  const std::map<std::pair<std::string, std::string>, std::int64_t> want = {
      {{"", "rfc_review"}, 1}, {{"approve", "rfc_approved"}, 1}, {{"reject", "closed"}, 1}};
  EXPECT_EQ(got, want);
}

TEST_P(ReportRepoContract, RatingsAndLowRatingsOfThePeriod) {
  const auto a = Clock({.opened_ms = 0});
  const auto b = Clock({.opened_ms = 1, .company = acme_.id});
  auto rate = [&](core::TicketId ticket, int rating, std::int64_t at, const char* comment) {
    core::Feedback f;
    f.ticket_id = ticket;
    f.author_id = customer_.id;
    f.rating = rating;
    f.comment = comment;
    f.created_at = At(at);
    EXPECT_TRUE(store()
                    .Write([&](Tx& tx) -> Status {
                      HD_RETURN_IF_ERROR(tx.Feedback().Insert(f));
                      return Ok();
                    })
                    .ok());
  };
  rate(a, 5, 0, "");
  rate(a, 1, 10, "slow");
  rate(b, 2, 20, "meh");
  rate(b, 4, 2 * kHour, "outside");
  const auto ratings = Must(ReadValue<std::vector<core::ports::RatingCount>>(
      [&](Tx& tx) { return tx.Reports().Ratings(Period(0, kHour)); }));
  std::map<int, std::int64_t> got;
  for (const auto& r : ratings) got[r.rating] = r.count;
  EXPECT_EQ(got, (std::map<int, std::int64_t>{{1, 1}, {2, 1}, {5, 1}}));
  ReportFilter acme = Period(0, kHour);
  acme.company = acme_.id;
  EXPECT_EQ(Must(ReadValue<std::vector<core::ports::RatingCount>>([&](Tx& tx) {
              return tx.Reports().Ratings(acme);
            })).size(),
            1u);
  const auto low = Must(ReadValue<std::vector<core::ports::RatedTicket>>(
      [&](Tx& tx) { return tx.Reports().LowRatings(Period(0, kHour), 2, 10); }));
  ASSERT_EQ(low.size(), 2u);
  EXPECT_EQ(std::make_tuple(low[0].ticket, low[0].rating, low[0].comment),
            std::make_tuple(b, 2, std::string("meh")));
  EXPECT_EQ(low[1].comment, "slow");
}

TEST_P(ReportRepoContract, WorkloadCountsAssignedOpenRepliesAndFirstResponses) {
  const auto a = Clock({.opened_ms = 0, .first_response_s = 1800, .by = &agent_});
  const auto b = Clock({.opened_ms = 1, .first_response_s = 1830, .by = &agent_});
  Clock({.opened_ms = 2, .first_response_s = 7200, .by = &other_});        // nobody's
  Clock({.opened_ms = 3});                                                 // not answered
  Clock({.opened_ms = 2 * kHour, .first_response_s = 60, .by = &agent_});  // outside
  Must(WriteValue<bool>([&](Tx& tx) -> Result<bool> {
    HD_ASSIGN_OR_RETURN(core::Ticket t, tx.Tickets().Get(a));
    t.assignee_id = agent_.id;
    HD_RETURN_IF_ERROR(tx.Tickets().Update(t));
    HD_ASSIGN_OR_RETURN(core::Ticket u, tx.Tickets().Get(b));
    u.assignee_id = agent_.id;
    u.status = core::TicketStatus::kClosed;
    HD_RETURN_IF_ERROR(tx.Tickets().Update(u));
    auto say = [&](core::UserId who, bool internal, std::int64_t at) -> Status {
      core::Message m;
      m.ticket_id = a;
      m.author_id = who;
      m.body = "hello";
      m.internal = internal;
      m.created_at = At(at);
      HD_RETURN_IF_ERROR(tx.Messages().Insert(m));
      return Ok();
    };
    HD_RETURN_IF_ERROR(say(agent_.id, false, 5));
    HD_RETURN_IF_ERROR(say(agent_.id, false, 6));
    HD_RETURN_IF_ERROR(say(agent_.id, true, 7));  // a note
    HD_RETURN_IF_ERROR(say(other_.id, false, 8));
    HD_RETURN_IF_ERROR(say(other_.id, false, 2 * kHour));  // outside
    HD_RETURN_IF_ERROR(say(customer_.id, false, 9));       // not staff
    return true;
  }));
  const auto load = Must(ReadValue<std::vector<core::ports::AgentCount>>(
      [&](Tx& tx) { return tx.Reports().Workload(Period(0, kHour)); }));
  ASSERT_EQ(load.size(), 2u);
  const auto& mine = load[0].agent == agent_.id ? load[0] : load[1];
  const auto& theirs = load[0].agent == agent_.id ? load[1] : load[0];
  EXPECT_EQ(std::make_tuple(mine.assigned, mine.open, mine.replies),
            std::make_tuple(std::int64_t{2}, std::int64_t{1}, std::int64_t{2}));
  EXPECT_EQ(std::make_tuple(theirs.assigned, theirs.open, theirs.replies),
            std::make_tuple(std::int64_t{0}, std::int64_t{0}, std::int64_t{1}));
  using Minutes = std::vector<std::pair<std::int64_t, std::int64_t>>;
  EXPECT_EQ(mine.first_responses, 2);
  EXPECT_EQ(mine.first_response_minutes, (Minutes{{30, 2}}));
  EXPECT_EQ(theirs.first_responses, 1);
  EXPECT_EQ(theirs.first_response_minutes, (Minutes{{120, 1}}));
  // Filtered by level: every ticket here is VIP, none a special request.
  ReportFilter special = Period(0, kHour);
  special.levels = {"special"};
  EXPECT_TRUE(Must(ReadValue<std::vector<core::ports::AgentCount>>([&](Tx& tx) {
                return tx.Reports().Workload(special);
              })).empty());
}

TEST_P(ReportRepoContract, BacklogStoresDaysAndSumsThemByKeyWithFilters) {
  auto put = [&](const std::string& day, std::vector<core::ports::BacklogCount> counts) {
    ASSERT_TRUE(
        store().Write([&](Tx& tx) { return tx.Reports().PutBacklogDay(day, counts); }).ok());
  };
  using core::ports::BacklogCount;
  BacklogCount vip_new{"new", 1, std::nullopt, "client_vip", "licence", acme_.id, 3};
  BacklogCount vip_open{"open", 2, std::nullopt, "client_vip", "product", std::nullopt, 2};
  BacklogCount free_new{"new", 1, std::nullopt, "non_commercial", "licence", std::nullopt, 5};
  put("2026-01-14", {vip_new, vip_open});
  put("2026-01-15", {vip_new});
  put("2026-01-15", {vip_new, free_new});  // counted again: replaces
  put("2026-01-16", {free_new});
  const auto days = Must(ReadValue<std::pair<std::string, std::string>>(
      [&](Tx& tx) { return tx.Reports().BacklogDays(); }));
  EXPECT_EQ(days, std::pair(std::string("2026-01-14"), std::string("2026-01-16")));
  auto backlog = [&](const ReportFilter& f, core::ports::BacklogGrouping by) {
    const auto points = Must(ReadValue<std::vector<core::ports::BacklogPoint>>(
        [&](Tx& tx) { return tx.Reports().Backlog("2026-01-14", "2026-01-15", f, by); }));
    std::map<std::pair<std::string, std::string>, std::int64_t> out;
    for (const auto& p : points) out[{p.day, p.key}] = p.tickets;
    return out;
  };
  using Points = std::map<std::pair<std::string, std::string>, std::int64_t>;
  EXPECT_EQ(
      backlog({}, core::ports::BacklogGrouping::kStatus),
      (Points{
          {{"2026-01-14", "new"}, 3}, {{"2026-01-14", "open"}, 2}, {{"2026-01-15", "new"}, 8}}));
  EXPECT_EQ(backlog({}, core::ports::BacklogGrouping::kTier),
            (Points{{{"2026-01-14", "1"}, 3}, {{"2026-01-14", "2"}, 2}, {{"2026-01-15", "1"}, 8}}));
  ReportFilter acme;
  acme.company = acme_.id;
  acme.category = "licence";
  EXPECT_EQ(backlog(acme, core::ports::BacklogGrouping::kGroup),
            (Points{{{"2026-01-14", ""}, 3}, {{"2026-01-15", ""}, 3}}));
  ReportFilter free;
  free.levels = {"non_commercial"};
  EXPECT_EQ(backlog(free, core::ports::BacklogGrouping::kStatus),
            (Points{{{"2026-01-15", "new"}, 5}}));
}

TEST_P(ReportRepoContract, BacklogReadsOpenTicketsNowAndTheirChangesNewestFirst) {
  const auto a = Clock({.opened_ms = 0, .level = "non_commercial", .company = acme_.id});
  const auto b = Clock({.opened_ms = 1, .level = "non_commercial"});
  Must(WriteValue<bool>([&](Tx& tx) -> Result<bool> {
    HD_ASSIGN_OR_RETURN(core::Ticket t, tx.Tickets().Get(b));
    t.status = core::TicketStatus::kClosed;
    HD_RETURN_IF_ERROR(tx.Tickets().Update(t));
    auto event = [&](core::TicketId id, std::int64_t at, core::EventKind kind, const char* field,
                     const char* old_value) -> Status {
      core::Event e;
      e.ticket_id = id;
      e.at = At(at);
      e.kind = kind;
      e.field = field;
      e.old_value = old_value;
      HD_RETURN_IF_ERROR(tx.Events().Append(e));
      return Ok();
    };
    HD_RETURN_IF_ERROR(event(a, 0, core::EventKind::kCreated, "", ""));
    HD_RETURN_IF_ERROR(event(b, 1, core::EventKind::kCreated, "", ""));
    HD_RETURN_IF_ERROR(event(b, 10, core::EventKind::kStatusChanged, "status", "new"));
    HD_RETURN_IF_ERROR(event(a, 20, core::EventKind::kFieldChanged, "tier", "2"));
    HD_RETURN_IF_ERROR(event(a, 30, core::EventKind::kGroupChanged, "group_id", ""));
    HD_RETURN_IF_ERROR(event(a, 40, core::EventKind::kReplied, "", ""));  // not followed
    return true;
  }));
  const auto now = Must(ReadValue<std::vector<core::ports::BacklogCount>>(
      [&](Tx& tx) { return tx.Reports().OpenNow(); }));
  ASSERT_EQ(now.size(), 1u);  // b is closed
  EXPECT_EQ(std::make_tuple(now[0].status, now[0].level, now[0].company, now[0].tickets),
            std::make_tuple(std::string("new"), std::string("non_commercial"),
                            std::optional(acme_.id), std::int64_t{1}));
  std::vector<std::tuple<core::TicketId, core::ports::TicketChange::Kind, std::string>> seen;
  ASSERT_TRUE(store()
                  .Read([&](Tx& tx) {
                    return tx.Reports().ForEachChangeSince(
                        At(1), [&](const core::ports::TicketChange& c) -> Status {
                          seen.emplace_back(c.ticket, c.kind, c.old_value);
                          return Ok();
                        });
                  })
                  .ok());
  using Kind = core::ports::TicketChange::Kind;
  const decltype(seen) want = {{a, Kind::kGroup, ""},
                               {a, Kind::kTier, "2"},
                               {b, Kind::kStatus, "new"},
                               {b, Kind::kCreated, ""}};
  EXPECT_EQ(seen, want);
  const auto first = Must(ReadValue<std::optional<core::Timestamp>>(
      [&](Tx& tx) { return tx.Reports().FirstTicketAt(); }));
  EXPECT_EQ(first, std::optional(At(0)));
}

}  // namespace

}  // namespace hd::storage::testing
