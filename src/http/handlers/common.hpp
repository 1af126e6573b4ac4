// Helpers the route handlers share: JSON responses, ETag / If-Match, and the
// choice between a JSON and a multipart body. Internal to http/; includes
// Boost.JSON.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/role.hpp"
#include "http/message.hpp"

namespace hd::http {

// `value` serialized with Content-Type application/json.
Response Json(int status, const boost::json::value& value);

// The strong entity tag of a ticket version: "\"7\"".
std::string ETagFor(std::int64_t version);

// The version named by If-Match ("\"7\"" or W/"7"); nullopt when absent or
// "*". kPreconditionFailed for any other value: it can match no version.
Result<std::optional<std::int64_t>> IfMatchVersion(const Request& request);

enum class BodyKind { kJson, kMultipart };

// kJson for application/json (or no Content-Type), kMultipart for
// multipart/form-data when `multipart_allowed`; otherwise kInvalidArgument
// with reason "unsupported-media-type" (415).
Result<BodyKind> DetectBody(const Request& request, bool multipart_allowed);

// DetectBody for routes that read JSON only.
Status RequireJsonBody(const Request& request);

// "true"/"1"/"on" and "false"/"0"/"off"/"" as multipart checkbox values;
// kInvalidArgument naming `field` otherwise.
Result<bool> ParseFormBool(std::string_view text, std::string_view field);

// A comma-separated list of role ids ("developer,tester"); empty items are
// skipped. kInvalidArgument naming `field` for an unknown role.
Result<std::vector<core::Role>> ParseRoleList(std::string_view list, std::string_view field);

}  // namespace hd::http
