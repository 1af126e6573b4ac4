#include "workflow/field.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <utility>

#include "core/time.hpp"

namespace hd::workflow {

namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 9> kTypeIds = {{
    {FieldType::kString, "string"},
    {FieldType::kText, "text"},
    {FieldType::kEnum, "enum"},
    {FieldType::kInteger, "integer"},
    {FieldType::kNumber, "number"},
    {FieldType::kDate, "date"},
    {FieldType::kDateTime, "datetime"},
    {FieldType::kUser, "user"},
    {FieldType::kBoolean, "boolean"},
}};

Error Bad(const FieldDef& field, std::string_view expectation) {
  return Error::InvalidArgument("field '" + field.id + "' must be " + std::string(expectation),
                                field.id);
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

Result<std::string> NormalizeNumber(const FieldDef& field, std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(value)) {
    return Bad(field, "a decimal number such as 4.5");
  }
  std::array<char, 32> buf{};
  auto [out, out_ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (out_ec != std::errc{}) return Bad(field, "a decimal number such as 4.5");
  return std::string(buf.data(), out);
}

Result<std::string> NormalizeDate(const FieldDef& field, std::string_view text) {
  auto bad = [&] { return Bad(field, "a date YYYY-MM-DD"); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  auto y = ParseInteger(text.substr(0, 4));
  auto m = ParseInteger(text.substr(5, 2));
  auto d = ParseInteger(text.substr(8, 2));
  if (!y || !m || !d || *y < 0 || *m < 1 || *d < 1) return bad();
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(*y)},
                                        std::chrono::month{static_cast<unsigned>(*m)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return bad();
  return std::string(text);
}

Result<std::string> NormalizeBoolean(const FieldDef& field, std::string_view text) {
  if (text == "true" || text == "yes") return std::string("true");
  if (text == "false" || text == "no") return std::string("false");
  return Bad(field, "true or false");
}

}  // namespace

std::string_view ToString(FieldType type) {
  for (const auto& [t, id] : kTypeIds) {
    if (t == type) return id;
  }
  return "string";
}

std::optional<FieldType> ParseFieldType(std::string_view id) {
  for (const auto& [t, name] : kTypeIds) {
    if (name == id) return t;
  }
  return std::nullopt;
}

std::string AllFieldTypeIds() {
  std::string out;
  for (const auto& [t, id] : kTypeIds) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

Result<std::string> NormalizeFieldValue(const FieldDef& field, std::string_view value) {
  if (value.empty()) return Error::InvalidArgument("field '" + field.id + "' is empty", field.id);
  switch (field.type) {
    case FieldType::kString:
      if (value.find_first_of("\r\n") != std::string_view::npos) return Bad(field, "one line");
      return std::string(value);
    case FieldType::kText:
      return std::string(value);
    case FieldType::kEnum:
      if (std::find(field.options.begin(), field.options.end(), value) == field.options.end()) {
        std::string list;
        for (const auto& option : field.options) list += (list.empty() ? "" : ", ") + option;
        return Bad(field, "one of: " + list);
      }
      return std::string(value);
    case FieldType::kInteger: {
      auto n = ParseInteger(value);
      if (!n) return Bad(field, "an integer");
      return std::to_string(*n);
    }
    case FieldType::kNumber:
      return NormalizeNumber(field, value);
    case FieldType::kDate:
      return NormalizeDate(field, value);
    case FieldType::kDateTime: {
      auto t = core::ParseIso8601(value, field.id);
      if (!t.ok()) return Bad(field, "an RFC 3339 instant such as 2025-12-30T18:30:00Z");
      return core::FormatIso8601(*t);
    }
    case FieldType::kUser: {
      auto n = ParseInteger(value);
      if (!n || *n <= 0) return Bad(field, "a user id (a positive integer)");
      return std::to_string(*n);
    }
    case FieldType::kBoolean:
      return NormalizeBoolean(field, value);
  }
  return Bad(field, "valid");
}

}  // namespace hd::workflow
