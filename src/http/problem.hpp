// RFC 9457 problem details: the one place that maps an hd::Error to an HTTP
// status and an application/problem+json body
//   {type: "urn:helpdesk:problem:<slug>", title, status, detail, field?}
// where <slug> is Error::reason when set, else ToString(Error::code).
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace hd::http {

// Seconds a client should wait before retrying, sent as Retry-After.
inline constexpr int kRetryAfterUnavailableSeconds = 1;
inline constexpr int kRetryAfterRateLimitedSeconds = 60;

// Reasons that change the status of a kInvalidArgument from 422 to 400: the
// body could not be parsed at all.
inline constexpr std::string_view kReasonMalformedJson = "malformed-json";
inline constexpr std::string_view kReasonMalformedMultipart = "malformed-multipart";
// A kInvalidArgument with this reason is 415: the body's Content-Type is not
// one the route reads.
inline constexpr std::string_view kReasonUnsupportedMediaType = "unsupported-media-type";

// The HTTP status for an error: kInvalidArgument 422 (400 for the malformed
// reasons above, 415 for kReasonUnsupportedMediaType), kNotFound 404, kConflict 409, kForbidden
// 403, kUnauthenticated 401, kUnavailable 503, kInternal 500, kPreconditionFailed 412, kTooLarge
// 413, kRateLimited 429.
int StatusFor(const Error& error);

// The problem+json response for `error`, with Retry-After for 503 and 429
// (Error::retry_after_seconds when the error knows it).
Response ProblemResponse(const Error& error);

// A problem for conditions that have no ErrorCode (405, 415, 431, 400 from
// the HTTP parser): explicit status and slug.
Response ProblemResponse(int status, std::string_view slug, std::string_view detail);

}  // namespace hd::http
