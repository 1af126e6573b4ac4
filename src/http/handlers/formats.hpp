// Body formats some handlers share: a JSON object request body read member
// by member, and CSV answers. Internal to http/handlers.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/error.hpp"
#include "core/local_text.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/reader.hpp"

namespace hd::http::handlers {

// The request's JSON object (415 for another media type, 400 for bad JSON).
Result<json::JsonObject> JsonBody(const Context& context);

// One CSV field (RFC 4180): quoted when `always_quoted` or when it holds a
// comma, quote or line break; a value a spreadsheet would run as a formula
// gets a leading apostrophe.
std::string CsvField(std::string_view text, bool always_quoted = false);

// Every language a text is written in: {"en": "...", "ru": "..."}.
boost::json::object TextsJson(const core::LocalText& text);

// A CSV download named `name`.csv.
Response CsvResponse(std::string body, const std::string& name);

}  // namespace hd::http::handlers
