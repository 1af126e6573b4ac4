// JsonObject: strict decoding of a JSON request body that must be an object.
// Every getter names the member in its error, and RejectUnknown() refuses
// members no getter asked for, so a typo ("subjet") is a 422 naming it
// rather than a silently ignored field. Includes Boost.JSON: for http/ .cpp
// files only. Not thread-safe (one per request).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/local_text.hpp"

namespace hd::http::json {

// Longest string a member may hold, in bytes. The use cases apply the exact
// per-field limits; this only keeps absurd input out.
inline constexpr std::size_t kMaxStringBytes = 1024 * 1024;

class JsonObject {
 public:
  // kInvalidArgument with reason "malformed-json" (HTTP 400) when `body` is
  // not JSON; plain kInvalidArgument (422) when it is JSON but not an object.
  static Result<JsonObject> Parse(std::string_view body);

  // kInvalidArgument naming `name` when missing (required only), not a
  // string / integer / boolean, or a string over kMaxStringBytes. A member
  // holding null counts as absent for the optional getters.
  Result<std::string> RequiredString(std::string_view name);
  Result<std::optional<std::string>> OptionalString(std::string_view name);
  Result<std::int64_t> RequiredInt(std::string_view name);
  Result<std::optional<std::int64_t>> OptionalInt(std::string_view name);
  Result<std::optional<bool>> OptionalBool(std::string_view name);
  // An array of strings; kInvalidArgument naming `name` when it is not one,
  // or has more than `max_items` members.
  Result<std::optional<std::vector<std::string>>> OptionalStringList(std::string_view name,
                                                                     std::size_t max_items);
  // An array of positive integers (ids), likewise.
  Result<std::optional<std::vector<std::int64_t>>> OptionalIdList(std::string_view name,
                                                                  std::size_t max_items);

  // A text for people: a string for every language, or an object of
  // languages the product speaks to strings ({"en": "...", "ru": "..."}).
  // kInvalidArgument naming `name` for anything else or an unknown language.
  Result<std::optional<core::LocalText>> OptionalLocalText(std::string_view name);

  // True when the member exists (null included); marks it as known.
  bool Has(std::string_view name);
  // True when the member exists and holds null; marks it as known.
  bool IsNull(std::string_view name);

  // kInvalidArgument (reason "unknown-field") naming the first member that no
  // getter asked for.
  Status RejectUnknown() const;

 private:
  explicit JsonObject(boost::json::object object)
      : object_(std::move(object)), asked_(object_.size(), false) {}
  // The member called `name`, marked as asked for; nullptr when absent.
  const boost::json::value* Find(std::string_view name);

  boost::json::object object_;
  std::vector<bool> asked_;  // per member of object_, in its order: a getter asked for it
};

}  // namespace hd::http::json
