#include "core/licence.hpp"

#include <array>
#include <cstdio>
#include <utility>

#include "core/coupon.hpp"
#include "core/sla_clock.hpp"

namespace hd::core {

namespace {

template <class E, std::size_t N>
std::optional<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view id) {
  for (const auto& [value, name] : table) {
    if (name == id) return value;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<SupportKind, std::string_view>, 3> kSupportKinds = {{
    {SupportKind::kStandard, "standard"},
    {SupportKind::kOperative, "operative"},
    {SupportKind::kVip, "vip"},
}};
constexpr std::array<std::pair<PartnerLevel, std::string_view>, 3> kPartnerLevels = {{
    {PartnerLevel::kNone, "none"},
    {PartnerLevel::kStandard, "standard"},
    {PartnerLevel::kOperative, "operative"},
}};
constexpr std::array<std::pair<CouponOrigin, std::string_view>, 3> kOrigins = {{
    {CouponOrigin::kActivation, "activation"},
    {CouponOrigin::kRenewal, "renewal"},
    {CouponOrigin::kAdmin, "admin"},
}};
constexpr std::array<std::pair<SlaState, std::string_view>, 5> kStates = {{
    {SlaState::kOk, "ok"},
    {SlaState::kWarning, "warning"},
    {SlaState::kBreached, "breached"},
    {SlaState::kPaused, "paused"},
    {SlaState::kMet, "met"},
}};
constexpr std::array<std::pair<SlaTarget, std::string_view>, 3> kTargets = {{
    {SlaTarget::kFirstResponse, "first_response"},
    {SlaTarget::kNextResponse, "next_response"},
    {SlaTarget::kResolution, "resolution"},
}};

}  // namespace

std::string_view ToString(SupportKind kind) { return NameOf(kSupportKinds, kind); }
std::optional<SupportKind> ParseSupportKind(std::string_view id) {
  return Lookup(kSupportKinds, id);
}
std::string_view ToString(PartnerLevel level) { return NameOf(kPartnerLevels, level); }
std::optional<PartnerLevel> ParsePartnerLevel(std::string_view id) {
  return Lookup(kPartnerLevels, id);
}
std::string_view ToString(CouponOrigin origin) { return NameOf(kOrigins, origin); }
std::optional<CouponOrigin> ParseCouponOrigin(std::string_view id) { return Lookup(kOrigins, id); }
std::string_view ToString(SlaState state) { return NameOf(kStates, state); }
std::string_view ToString(SlaTarget target) { return NameOf(kTargets, target); }
std::optional<SlaTarget> ParseSlaTarget(std::string_view id) { return Lookup(kTargets, id); }
std::string_view ToString(SlaAlertKind kind) {
  return kind == SlaAlertKind::kWarning ? "warning" : "breach";
}

std::string FormatDate(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<std::chrono::sys_days> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year(parts[0]),
                                        std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

}  // namespace hd::core
