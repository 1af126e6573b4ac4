// Body formats some handlers share: a JSON object request body read member
// by member, and CSV answers. Internal to http/handlers.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/reader.hpp"

namespace hd::http::handlers {

// The request's JSON object (415 for another media type, 400 for bad JSON).
Result<json::JsonObject> JsonBody(const Context& context);

// One CSV field (RFC 4180): quoted when `always_quoted` or when it holds a
// comma, quote or line break; a value a spreadsheet would run as a formula
// gets a leading apostrophe.
std::string CsvField(std::string_view text, bool always_quoted = false);

// A CSV download named `name`.csv.
Response CsvResponse(std::string body, const std::string& name);

}  // namespace hd::http::handlers
