#include "sla/level.hpp"

#include <gtest/gtest.h>

#include "sla/holiday_sources.hpp"
#include "sla/level_resolution.hpp"
#include "sla/test_calendars.hpp"

namespace hd::sla {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

sys_days D(const char* iso) { return *ParseIsoDate(iso, "test"); }

const LevelSet& Shipped() {
  static const LevelSet levels = [] {
    auto text = test_support::ReadFile(test_support::SourcePath("config/defaults/levels.yaml"));
    if (!text.ok()) throw std::runtime_error(text.error().message);
    auto parsed = ParseLevels(*text);
    if (!parsed.ok()) throw std::runtime_error(parsed.error().message);
    return std::move(parsed).value();
  }();
  return levels;
}

TEST(Levels, ShippedFileHoldsTheEightLevelsOfTheDomain) {
  struct Row {
    const char* id;
    std::chrono::seconds first_response;
    const char* calendar;
    std::optional<int> validity_years;
  };
  const Row rows[] = {{"non_commercial", 24h, "ru-business", std::nullopt},
                      {"client_standard", 6h, "ru-business", 1},
                      {"client_operative", 4h, "ru-business", 1},
                      {"client_vip", 2h, "ru-business", 1},
                      {"partner_standard", 5h, "ru-business", std::nullopt},
                      {"partner_operative", 3h, "ru-business", std::nullopt},
                      {"enterprise", 2h, "ru-business", 1},
                      {"special", 1h, "24x7", 1}};
  ASSERT_EQ(Shipped().levels().size(), 8u);
  for (const Row& row : rows) {
    const SupportLevel* level = Shipped().Find(row.id);
    ASSERT_NE(level, nullptr) << row.id;
    EXPECT_EQ(level->first_response, row.first_response) << row.id;
    EXPECT_EQ(level->calendar, row.calendar) << row.id;
    EXPECT_EQ(level->validity_years, row.validity_years) << row.id;
    EXPECT_EQ(level->warning_percent, 80) << row.id;
  }
  EXPECT_EQ(Shipped().Find("enterprise")->editions,
            (std::vector<std::string>{"Enterprise", "Web cluster", "Business web cluster"}));
}

TEST(Levels, ShippedEntitlementsFollowTheTable) {
  const auto& nc = *Shipped().Find("non_commercial");
  const auto& client = *Shipped().Find("client_vip");
  const auto& partner = *Shipped().Find("partner_standard");
  const auto& special = *Shipped().Find("special");
  EXPECT_EQ(nc.grant(Entitlement::kClosedForum).grant, Grant::kNo);
  EXPECT_EQ(client.grant(Entitlement::kClosedForum).grant, Grant::kYes);
  EXPECT_EQ(partner.grant(Entitlement::kDevelopers).grant, Grant::kLimited);
  EXPECT_EQ(partner.grant(Entitlement::kDevelopers).note.In("en"), "with no guaranteed time frame");
  EXPECT_EQ(nc.grant(Entitlement::kProductProblems).grant, Grant::kLimited);
  EXPECT_EQ(client.grant(Entitlement::kPhoneSupport).grant, Grant::kNo);
  for (std::size_t e = 0; e < kEntitlementCount; ++e) {
    EXPECT_EQ(special.grant(static_cast<Entitlement>(e)).grant, Grant::kYes);
  }
}

std::string WithVipKey(const std::string& extra);

TEST(Levels, ShippedTextsForPeopleAreInEnglishAndRussian) {
  auto both = [](const core::LocalText& text) {
    return !text.In("en").empty() && !text.In("ru").empty() && text.In("en") != text.In("ru");
  };
  for (const SupportLevel& level : Shipped().levels()) {
    EXPECT_TRUE(both(level.title)) << level.id;
    EXPECT_TRUE(both(level.who)) << level.id;
    for (const EntitlementGrant& g : level.entitlements) {
      if (g.grant == Grant::kLimited) {
        EXPECT_TRUE(both(g.note)) << level.id;
      }
    }
  }
  EXPECT_EQ(Shipped().Find("client_vip")->title.In("ru"), "Клиент, VIP-поддержка");
  EXPECT_EQ(EntitlementName(Entitlement::kPhoneSupport, "ru"),
            "поддержка по телефону и в мессенджерах");
  EXPECT_EQ(EntitlementName(Entitlement::kPhoneSupport, "de"), "phone / messenger support");
}

TEST(Levels, ATextInAnUnknownLanguageIsRefused) {
  auto parsed = ParseLevels(WithVipKey("who: {en: customers, de: Kunden}"));
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("unknown language \"de\""), std::string::npos)
      << parsed.error().message;
}

TEST(Levels, RejectsUnknownKeysNamingLineAndColumn) {
  auto text = *test_support::ReadFile(test_support::SourcePath("config/defaults/levels.yaml"));
  const std::string marker = "    first_response: 6h\n";
  text.insert(text.find(marker), "    colour: red\n");
  auto parsed = ParseLevels(text);
  ASSERT_FALSE(parsed.ok());
  // The inserted line is the first of client_standard's body after id/title/who.
  const auto line =
      std::count(text.begin(), text.begin() + static_cast<long>(text.find("colour")), '\n') + 1;
  EXPECT_EQ(parsed.error().message,
            "levels.yaml:" + std::to_string(line) + ":5: unknown key \"colour\"");
}

TEST(Levels, RejectsMalformedFiles) {
  for (const auto& [yaml, part] : std::vector<std::pair<std::string, std::string>>{
           {"levels: [", "levels.yaml:1:"},
           {"other: 1", "unknown key \"other\""},
           {"levels:\n  - id: x\n", "lacks \"first_response\""},
           {"levels: []", "lacks the required level \"non_commercial\""},
       }) {
    auto parsed = ParseLevels(yaml);
    ASSERT_FALSE(parsed.ok()) << yaml;
    EXPECT_NE(parsed.error().message.find(part), std::string::npos) << parsed.error().message;
  }
}

LicenceFacts Licence(const char* edition, const char* from, const char* to,
                     SupportKind kind = SupportKind::kStandard, bool limited = false) {
  return LicenceFacts{edition, D(from), D(to), kind, limited};
}

// The shipped file with `extra` inserted as a key of the client_vip level.
std::string WithVipKey(const std::string& extra) {
  std::string text =
      *test_support::ReadFile(test_support::SourcePath("config/defaults/levels.yaml"));
  const std::string vip = "  - id: client_vip\n";
  text.insert(text.find(vip) + vip.size(), "    " + extra + "\n");
  return text;
}

TEST(Levels, EscalationIsOptionalPerLevelAndValidated) {
  EXPECT_FALSE(Shipped().Find("client_vip")->escalation.has_value());
  auto parsed = ParseLevels(WithVipKey("escalation: {group: l2, criticality: high}"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const auto& e = parsed->Find("client_vip")->escalation;
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->group, "l2");
  EXPECT_EQ(e->criticality, "high");
  auto bad = ParseLevels(WithVipKey("escalation: {criticality: urgent}"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("low, normal, high or critical"), std::string::npos);
  auto unknown = ParseLevels(WithVipKey("escalation: {queue: l2}"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown key \"queue\" in escalation"), std::string::npos);
}

TEST(LevelResolution, EveryRowOfTheLevelsTable) {
  const sys_days today = D("2025-06-01");
  struct Row {
    CustomerFacts customer;
    const char* level;
    const char* reason;
  };
  const Row rows[] = {
      {{false, {}, PartnerStatus::kNone},
       "non_commercial",
       "sender not recognised (not logged in or unknown e-mail address)"},
      {{true, {}, PartnerStatus::kNone},
       "non_commercial",
       "no active licence and no partner status"},
      {{true, {Licence("Business", "2024-01-10", "2025-01-09")}, PartnerStatus::kNone},
       "non_commercial",
       "licence Business expired on 2025-01-09"},
      {{true,
        {Licence("Start", "2025-01-10", "2026-01-09", SupportKind::kStandard, true)},
        PartnerStatus::kNone},
       "non_commercial",
       "licence Start is limited"},
      {{true, {Licence("Business", "2025-03-02", "2026-03-01")}, PartnerStatus::kNone},
       "client_standard",
       "active licence Business until 2026-03-01"},
      {{true, {Licence("Business", "2025-03-02", "2026-03-01", SupportKind::kOperative)}, {}},
       "client_operative",
       "active licence Business with operative support until 2026-03-01"},
      {{true, {Licence("Business", "2025-03-02", "2026-03-01", SupportKind::kVip)}, {}},
       "client_vip",
       "active licence Business with VIP support until 2026-03-01"},
      {{true, {}, PartnerStatus::kStandard}, "partner_standard", "partner company"},
      {{true, {}, PartnerStatus::kOperative},
       "partner_operative",
       "partner company with operative support"},
      {{true, {Licence("business web cluster", "2025-03-02", "2026-03-01")}, {}},
       "enterprise",
       "active licence business web cluster until 2026-03-01 (Enterprise)"},
  };
  for (const Row& row : rows) {
    auto decision = ResolveLevel(Shipped(), row.customer, today);
    ASSERT_TRUE(decision.ok()) << decision.error().message;
    EXPECT_EQ(decision->level_id, row.level) << row.reason;
    EXPECT_EQ(decision->reason.In("en"), row.reason);
    EXPECT_FALSE(decision->reason.In("ru").empty()) << row.reason;
    EXPECT_NE(decision->reason.In("ru"), decision->reason.In("en")) << row.reason;
  }
}

TEST(LevelResolution, TheReasonIsAlsoInRussian) {
  const CustomerFacts vip{
      true, {Licence("Business", "2025-03-02", "2026-03-01", SupportKind::kVip)}, {}};
  auto decision = ResolveLevel(Shipped(), vip, D("2025-06-01"));
  ASSERT_TRUE(decision.ok());
  EXPECT_EQ(decision->reason.In("ru"),
            "действующая лицензия Business с VIP-поддержкой до 2026-03-01");
}

TEST(LevelResolution, ShortestFirstResponseWinsAndExpiryDayStillCounts) {
  CustomerFacts c{true,
                  {Licence("Business", "2024-06-01", "2025-05-31"),
                   Licence("Small business", "2025-01-01", "2025-12-31", SupportKind::kOperative)},
                  PartnerStatus::kStandard};
  auto on_expiry = ResolveLevel(Shipped(), c, D("2025-05-31"));
  ASSERT_TRUE(on_expiry.ok());
  EXPECT_EQ(on_expiry->level_id, "client_operative");  // 4h beats partner standard 5h
  c.partner = PartnerStatus::kOperative;               // 3h beats operative client 4h
  EXPECT_EQ(ResolveLevel(Shipped(), c, D("2025-06-01"))->level_id, "partner_operative");
  c.licences.push_back(Licence("Enterprise", "2025-01-01", "2025-12-31"));  // 2h
  EXPECT_EQ(ResolveLevel(Shipped(), c, D("2025-06-01"))->level_id, "enterprise");
  EXPECT_EQ(ResolveLevel(Shipped(), c, D("2026-01-01"))->level_id, "partner_operative");
}

TEST(Entitlements, RefusalNamesTheLevelsThatIncludeIt) {
  auto phone = CheckEntitlement(Shipped(), "non_commercial", Entitlement::kPhoneSupport);
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(phone.error().message,
            "phone / messenger support is not included in the Non-commercial level; it is "
            "included in: Special request");
  auto forum = CheckEntitlement(Shipped(), "non_commercial", Entitlement::kClosedForum);
  ASSERT_FALSE(forum.ok());
  EXPECT_NE(forum.error().message.find("included in: Client, standard support, Client, operative"),
            std::string::npos);
  auto developers = CheckEntitlement(Shipped(), "client_standard", Entitlement::kDevelopers);
  ASSERT_TRUE(developers.ok());
  EXPECT_EQ(developers->grant, Grant::kLimited);
  EXPECT_EQ(CheckEntitlement(Shipped(), "gold", Entitlement::kDevelopers).error().code,
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace hd::sla
