// The SLA policy while serving: calendars and holidays stored through the
// admin use case take effect at once, and levels or calendars changed on one
// instance reach another instance sharing the database at its next Refresh;
// escalation from levels.yaml.
#include <gtest/gtest.h>

#include <algorithm>

#include "sla_env.hpp"

namespace hd::testing {
namespace {

using core::FormatIso8601;

// Working days 2028 with the New Year week off (2028-01-03 is a Monday).
constexpr const char* kHolidays2028 = R"({
  "format": "ru-production-calendar/1",
  "years": {"2028": {"holidays": ["2028-01-03", "2028-01-04", "2028-01-05", "2028-01-06",
                                  "2028-01-07"],
                     "working_weekends": [], "short_days": []}}
})";

constexpr const char* kBerlin = R"({
  "format": "helpdesk-calendar/1",
  "id": "de-berlin",
  "title": "Berlin office",
  "time_zone": "Europe/Berlin",
  "week": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
           "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}
})";

class SlaLive : public SlaTest {
 protected:
  void TearDown() override {
    other_.reset();  // before the store it uses
    SlaTest::TearDown();
  }

  // A second instance: its own use cases and SLA policy over the same database.
  void StartOtherInstance() {
    other_ = std::make_unique<service::Services>(*store_, *blobs_, clock_, options_);
    ASSERT_TRUE(other_->sla_levels.Load(DefaultSlaSources()).ok());
  }

  Result<service::CalendarImport> Put(const std::string& id, const std::string& content,
                                      bool ics = false) {
    return s_->sla_levels.PutCalendar(admin_, {id, content, ics, ""});
  }

  std::unique_ptr<service::Services> other_;
};

std::pair<int, int> CoverageOf(service::Services& s, const std::string& calendar) {
  const auto catalog = s.sla_policy.Current();
  const sla::Calendar* c = catalog->FindCalendar(calendar);
  return c == nullptr ? std::pair<int, int>{0, 0} : c->year_range();
}

TEST_F(SlaLive, ImportedHolidaysAreUsedAtOnceHereAndAfterRefreshElsewhere) {
  StartOtherInstance();
  auto out = Put("ru-business", kHolidays2028);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->kind, "holidays");
  EXPECT_EQ(out->source, "api-2028-2028.json");
  EXPECT_EQ(out->coverage, (std::pair<int, int>{2023, 2028}));
  EXPECT_EQ(CoverageOf(*s_, "ru-business").second, 2028);
  EXPECT_EQ(CoverageOf(*other_, "ru-business").second, 2027);  // not refreshed yet
  EXPECT_EQ(other_->sla_levels.Refresh().value(), true);
  EXPECT_EQ(CoverageOf(*other_, "ru-business").second, 2028);
  EXPECT_EQ(other_->sla_levels.Refresh().value(), false);  // nothing changed since
  EXPECT_EQ(s_->sla_levels.Refresh().value(), false);      // it made the change itself
}

TEST_F(SlaLive, NewYearWeekOf2028IsSkippedOnceImported) {
  ASSERT_TRUE(Put("ru-business", kHolidays2028).ok());
  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2027-12-01", "vip");
  // Thursday 18:00: 1 h left; 31 Dec 2027 and 3-7 Jan 2028 are holidays.
  clock_.Set(Msk(2027, 12, 30, 18, 0));
  const core::Ticket t = Open(customer);
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2028-01-10T08:00:00Z");
}

TEST_F(SlaLive, LevelEditedOnOneInstanceReachesAnotherAfterRefresh) {
  StartOtherInstance();
  service::LevelPatch patch;
  patch.first_response = "3h";
  ASSERT_TRUE(s_->sla_levels.Update(admin_, "client_vip", patch).ok());
  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
  clock_.Set(Msk(2026, 1, 14, 10));
  auto stale = other_->tickets.Create(customer, Input());
  ASSERT_TRUE(stale.ok()) << stale.error().message;
  EXPECT_EQ(FormatIso8601(*stale->ticket.sla->first_response_due), "2026-01-14T09:00:00Z");
  ASSERT_TRUE(other_->sla_levels.Refresh().value());
  auto fresh = other_->tickets.Create(customer, Input());
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(FormatIso8601(*fresh->ticket.sla->first_response_due), "2026-01-14T10:00:00Z");
}

TEST_F(SlaLive, CalendarDefinitionMakesANewCalendarThatLevelsCanUse) {
  StartOtherInstance();
  auto out = Put("de-berlin", kBerlin);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->kind, "definition");
  ASSERT_TRUE(other_->sla_levels.Refresh().value());
  service::LevelPatch patch;
  patch.calendar = "de-berlin";
  auto level = other_->sla_levels.Update(admin_, "client_vip", patch);
  ASSERT_TRUE(level.ok()) << level.error().message;
  ASSERT_TRUE(s_->sla_levels.Refresh().value());
  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
  clock_.Set(Msk(2026, 1, 14, 20));  // 18:00 in Berlin: due Thursday 11:00 Berlin
  const core::Ticket t = Open(customer);
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2026-01-15T10:00:00Z");
  auto calendars = s_->sla_levels.Calendars(admin_);
  ASSERT_TRUE(calendars.ok());
  EXPECT_EQ(calendars->size(), 3u);
}

// Regression: #4 - holidays sent for a calendar without holiday sources made
// those years the only ones it covered.
TEST_F(SlaLive, HolidaysForACalendarWithoutSourcesKeepEveryYearCovered) {
  ASSERT_TRUE(Put("de-berlin", kBerlin).ok());
  const std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260115\r\n"
      "SUMMARY:Office closed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  auto out = Put("de-berlin", ics, true);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->source, "api-2026-2026.ics");
  EXPECT_EQ(out->coverage, (std::pair<int, int>{sla::CalendarSpec::kDefaultFirstYear,
                                                sla::CalendarSpec::kDefaultLastYear}));
  service::LevelPatch patch;
  patch.calendar = "de-berlin";
  ASSERT_TRUE(s_->sla_levels.Update(admin_, "client_vip", patch).ok());
  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
  clock_.Set(Msk(2026, 1, 14, 20));  // Wednesday 18:00 Berlin; Thursday is closed
  const core::Ticket t = Open(customer);
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2026-01-16T10:00:00Z");
}

TEST_F(SlaLive, BadCalendarsAreRefusedNamingTheFieldAndChangeNothing) {
  auto field_of = [&](const std::string& id, const std::string& content, bool ics = false) {
    auto out = Put(id, content, ics);
    EXPECT_FALSE(out.ok()) << id;
    if (out.ok()) return std::string("accepted");
    EXPECT_EQ(out.error().code, ErrorCode::kInvalidArgument) << out.error().message;
    return out.error().field;
  };
  std::string berlin = kBerlin;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = berlin;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  EXPECT_EQ(field_of("de-munich", berlin), "id");
  EXPECT_EQ(field_of("de-berlin", with("Europe/Berlin", "Europe/Atlantis")), "time_zone");
  EXPECT_EQ(field_of("de-berlin", with("09:00-17:00", "17:00-09:00")), "week.mon");
  EXPECT_EQ(field_of("de-berlin", with("\"week\"", "\"holiday_sources\": [\"x.json\"], \"week\"")),
            "holiday_sources");
  EXPECT_EQ(field_of("de-berlin", R"({"format": "other/1"})"), "format");
  EXPECT_EQ(field_of("de-berlin", "not json"), "format");
  EXPECT_EQ(field_of("../etc", berlin), "calendar");
  EXPECT_EQ(field_of("nowhere", kHolidays2028), "calendar");
  EXPECT_FALSE(Put("ru-business", "BEGIN:VCALENDAR\nnonsense\n", true).ok());
  EXPECT_EQ(s_->sla_levels.PutCalendar(agent_, {"de-berlin", kBerlin, false, ""}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(s_->sla_levels.Calendars(admin_)->size(), 2u);
  EXPECT_EQ(s_->sla_levels.Refresh().value(), false);  // nothing was stored
}

TEST_F(SlaLive, EscalationFromLevelsYamlIsRecordedAsANewVersionAndApplied) {
  service::SlaSources sources = DefaultSlaSources();
  const std::string vip = "  - id: client_vip\n";
  const auto at = sources.levels_yaml.find(vip);
  ASSERT_NE(at, std::string::npos);
  sources.levels_yaml.insert(at + vip.size(),
                             "    escalation: {group: support, criticality: critical}\n");
  ASSERT_TRUE(s_->sla_levels.Load(sources).ok());  // a restart with the edited file
  const auto versions = s_->sla_levels.List().value();
  const auto it = std::find_if(versions.begin(), versions.end(),
                               [](const auto& v) { return v.level_id == "client_vip"; });
  ASSERT_NE(it, versions.end());
  EXPECT_EQ(it->version, 2);
  EXPECT_EQ(it->escalate_group, "support");
  EXPECT_EQ(it->escalate_criticality, "critical");
  ASSERT_TRUE(s_->sla_levels.Load(sources).ok());  // the same file again: no new version
  const auto again = s_->sla_levels.List().value();
  for (const auto& v : again) {
    if (v.level_id == "client_vip") {
      EXPECT_EQ(v.version, 2);
    }
  }

  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
  clock_.Set(Msk(2026, 1, 14, 10));
  const core::Ticket t = Open(customer);
  clock_.Set(Msk(2026, 1, 14, 12, 1));
  EXPECT_EQ(s_->sla_monitor.RunOnce()->breaches, 1);
  const core::Ticket escalated = s_->tickets.Get(agent_, t.id).value();
  EXPECT_EQ(escalated.criticality, core::Criticality::kCritical);
  EXPECT_EQ(escalated.group_id, support_.id);
}

TEST_F(SlaLive, EscalationToAnUnknownGroupInLevelsYamlIsRefused) {
  service::SlaSources sources = DefaultSlaSources();
  const std::string vip = "  - id: client_vip\n";
  sources.levels_yaml.insert(sources.levels_yaml.find(vip) + vip.size(),
                             "    escalation: {group: nobody}\n");
  auto loaded = s_->sla_levels.Load(sources);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("levels.yaml"), std::string::npos);
  EXPECT_NE(loaded.error().message.find("nobody"), std::string::npos);
}

}  // namespace
}  // namespace hd::testing
