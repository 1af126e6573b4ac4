#include "http/problem.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <string>

namespace hd::http {

namespace {

std::string_view TitleFor(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 401:
      return "Authentication required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition failed";
    case 413:
      return "Content too large";
    case 415:
      return "Unsupported media type";
    case 422:
      return "Invalid input";
    case 429:
      return "Too many requests";
    case 431:
      return "Request header fields too large";
    case 503:
      return "Service unavailable";
    default:
      return "Internal server error";
  }
}

Response Build(int status, std::string_view slug, std::string_view detail, std::string_view field) {
  boost::json::object body;
  body["type"] = "urn:helpdesk:problem:" + std::string(slug);
  body["title"] = TitleFor(status);
  body["status"] = status;
  body["detail"] = detail;
  if (!field.empty()) body["field"] = field;
  Response response;
  response.status = status;
  response.SetHeader("Content-Type", "application/problem+json");
  response.body = boost::json::serialize(body);
  if (status == 503) {
    response.SetHeader("Retry-After", std::to_string(kRetryAfterUnavailableSeconds));
  } else if (status == 429) {
    response.SetHeader("Retry-After", std::to_string(kRetryAfterRateLimitedSeconds));
  }
  return response;
}

}  // namespace

int StatusFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      if (error.reason == kReasonMalformedJson || error.reason == kReasonMalformedMultipart) {
        return 400;
      }
      return error.reason == kReasonUnsupportedMediaType ? 415 : 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kRateLimited:
      return 429;
  }
  return 500;
}

Response ProblemResponse(const Error& error) {
  std::string_view slug = error.reason.empty() ? ToString(error.code) : error.reason;
  // Failures of the server itself may name files, statements or hosts: those
  // details go to the log, the client gets a generic explanation.
  if (error.code == ErrorCode::kUnavailable) {
    spdlog::warn("unavailable: {}", error.message);
    return Build(503, slug, "the help desk cannot store or read data right now; retry shortly", {});
  }
  if (error.code == ErrorCode::kInternal) {
    spdlog::error("internal error: {}", error.message);
    return Build(500, slug, "an internal error occurred; it has been logged", {});
  }
  Response response = Build(StatusFor(error), slug, error.message, error.field);
  if (error.retry_after_seconds > 0) {
    response.SetHeader("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return response;
}

Response ProblemResponse(int status, std::string_view slug, std::string_view detail) {
  return Build(status, slug, detail, {});
}

}  // namespace hd::http
