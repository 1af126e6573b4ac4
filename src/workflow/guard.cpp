#include "workflow/guard.hpp"

#include <algorithm>
#include <chrono>

namespace hd::workflow {

namespace {

std::string Canonical(const FieldDef* field, const std::string& value) {
  if (field == nullptr || value.empty()) return value;
  auto normal = NormalizeFieldValue(*field, value);
  return normal.ok() ? *normal : value;
}

bool WithinDays(const std::string& value, std::int64_t days, core::Timestamp now) {
  if (value.empty()) return false;
  auto when = core::ParseIso8601(value);
  if (!when.ok()) return false;
  return now - *when <= std::chrono::hours{24 * days};
}

}  // namespace

bool ConditionHolds(const Process& process, const Condition& condition, const FieldValues& fields,
                    core::Timestamp now) {
  const FieldDef* field = process.FindField(condition.field.id);
  auto it = fields.find(condition.field.id);
  const std::string value = Canonical(field, it == fields.end() ? std::string() : it->second);
  auto is_value = [&](const std::string& v) { return Canonical(field, v) == value; };
  switch (condition.op) {
    case ConditionOp::kEquals:
      return !value.empty() && is_value(condition.values.at(0));
    case ConditionOp::kNotEquals:
      return value.empty() || !is_value(condition.values.at(0));
    case ConditionOp::kIn:
      return !value.empty() &&
             std::any_of(condition.values.begin(), condition.values.end(), is_value);
    case ConditionOp::kPresent:
      return !value.empty();
    case ConditionOp::kAbsent:
      return value.empty();
    case ConditionOp::kWithinDays:
      return WithinDays(value, condition.days, now);
  }
  return false;
}

const Condition* FirstFailingCondition(const Process& process, const std::vector<Condition>& guard,
                                       const FieldValues& fields, core::Timestamp now) {
  for (const Condition& c : guard) {
    if (!ConditionHolds(process, c, fields, now)) return &c;
  }
  return nullptr;
}

std::string Describe(const Condition& condition) {
  const std::string& field = condition.field.id;
  auto list = [&] {
    std::string out;
    for (const std::string& v : condition.values) out += (out.empty() ? "" : ", ") + v;
    return out;
  };
  switch (condition.op) {
    case ConditionOp::kEquals:
      return field + " is " + list();
    case ConditionOp::kNotEquals:
      return field + " is not " + list();
    case ConditionOp::kIn:
      return field + " is one of " + list();
    case ConditionOp::kPresent:
      return field + " is set";
    case ConditionOp::kAbsent:
      return field + " is not set";
    case ConditionOp::kWithinDays:
      return field + " within " + std::to_string(condition.days) + " days";
  }
  return field;
}

}  // namespace hd::workflow
