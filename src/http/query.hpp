// Query strings and pagination cursors. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace hd::http {

struct QueryParams {
  std::vector<std::pair<std::string, std::string>> values;  // decoded, in order
  // The first value of `name`, if present.
  std::optional<std::string_view> Get(std::string_view name) const;
};

// Decodes "a=1&b=x%20y" ('+' is a space). kInvalidArgument (reason
// "malformed-query") for malformed percent escapes.
Result<QueryParams> ParseQuery(std::string_view raw);

// A positive integer parameter: kInvalidArgument naming `field` when the text
// is not a decimal number within [min, max].
Result<std::int64_t> ParseIntParam(std::string_view text, std::string_view field, std::int64_t min,
                                   std::int64_t max);

// Cursors are opaque to clients: unpadded base64url of "c1:<id>".
std::string EncodeCursor(std::int64_t last_id);
// kInvalidArgument naming "cursor" for anything EncodeCursor did not produce.
Result<std::int64_t> DecodeCursor(std::string_view cursor);

// Unpadded base64url (RFC 4648 §5) and its inverse (nullopt when invalid).
std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace hd::http
