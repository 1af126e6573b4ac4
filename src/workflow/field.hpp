// Ticket fields as a process sees them: a declared name, a type and, for
// enums, the allowed options. Values travel as text (the form the API and the
// store keep); NormalizeFieldValue checks a value against its type and returns
// its canonical text, so that guards compare like with like.
//
// Plain values; no thread affinity.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/local_text.hpp"

namespace hd::workflow {

// Field values of one ticket, by field id. An absent or empty value means
// "not set".
using FieldValues = std::map<std::string, std::string, std::less<>>;

enum class FieldType {
  kString,    // one line of text
  kText,      // free text, may span lines
  kEnum,      // one of the declared options
  kInteger,   // decimal integer, 64-bit
  kNumber,    // decimal number, e.g. 4.5
  kDate,      // calendar date YYYY-MM-DD
  kDateTime,  // RFC 3339 instant, kept in UTC
  kUser,      // a user id (positive integer)
  kBoolean,   // true or false
};

// Stable ids as written in process files: "string", "text", "enum",
// "integer", "number", "date", "datetime", "user", "boolean".
std::string_view ToString(FieldType type);
std::optional<FieldType> ParseFieldType(std::string_view id);
// "string, text, enum, …": for messages.
std::string AllFieldTypeIds();

// 1-based line and column in a process file; 0 when not known.
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct FieldDef {
  std::string id;
  core::LocalText label;
  FieldType type = FieldType::kString;
  // kEnum: the values. kUser: the roles the chosen user must have (a
  // developer for "Give to a developer"); empty: any active staff member.
  std::vector<std::string> options;
  // kEnum: what people read for some of the values (by value); a value
  // without one is shown as it is.
  std::map<std::string, core::LocalText, std::less<>> option_labels;
  SourcePos pos;
};

// Returns the canonical text of `value` for `field` (booleans "true"/"false",
// instants in UTC "…Z", numbers in shortest form), or kInvalidArgument naming
// the field when the value does not fit the type. An empty value is invalid.
Result<std::string> NormalizeFieldValue(const FieldDef& field, std::string_view value);

}  // namespace hd::workflow
