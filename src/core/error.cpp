#include "core/error.hpp"

namespace hd {

std::string_view ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kPreconditionFailed:
      return "precondition-failed";
    case ErrorCode::kTooLarge:
      return "too-large";
    case ErrorCode::kRateLimited:
      return "rate-limited";
  }
  return "internal";
}

namespace {
Error Make(ErrorCode code, std::string message, std::string field = {}, std::string reason = {}) {
  return Error{code, std::move(message), std::move(field), std::move(reason)};
}
}  // namespace

Error Error::InvalidArgument(std::string message, std::string field) {
  return Make(ErrorCode::kInvalidArgument, std::move(message), std::move(field));
}
Error Error::NotFound(std::string message) {
  return Make(ErrorCode::kNotFound, std::move(message));
}
Error Error::Conflict(std::string message, std::string reason) {
  return Make(ErrorCode::kConflict, std::move(message), {}, std::move(reason));
}
Error Error::Forbidden(std::string message) {
  return Make(ErrorCode::kForbidden, std::move(message));
}
Error Error::Unauthenticated(std::string message) {
  return Make(ErrorCode::kUnauthenticated, std::move(message));
}
Error Error::Unavailable(std::string message) {
  return Make(ErrorCode::kUnavailable, std::move(message));
}
Error Error::Internal(std::string message) {
  return Make(ErrorCode::kInternal, std::move(message));
}
Error Error::PreconditionFailed(std::string message) {
  return Make(ErrorCode::kPreconditionFailed, std::move(message));
}
Error Error::TooLarge(std::string message, std::string field) {
  return Make(ErrorCode::kTooLarge, std::move(message), std::move(field));
}
Error Error::RateLimited(std::string message) {
  return Make(ErrorCode::kRateLimited, std::move(message));
}

Error Error::WithReason(std::string r) const& {
  Error copy = *this;
  copy.reason = std::move(r);
  return copy;
}
Error Error::WithReason(std::string r) && {
  reason = std::move(r);
  return std::move(*this);
}
Error Error::WithField(std::string f) && {
  field = std::move(f);
  return std::move(*this);
}

}  // namespace hd
