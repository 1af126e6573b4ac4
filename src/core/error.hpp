// Error and Result<T>: the value every fallible operation returns.
//
// An Error carries a protocol-free code, a message meant for people, the name
// of the offending input field (empty when no single field is at fault) and a
// stable machine-readable reason slug (e.g. "stale-version") that adapters may
// expose. http maps ErrorCode to status codes once; mail maps it to
// accept/bounce/retry once. Result<T> is a value type with no thread affinity.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hd {

// Numbers are stable: they may reach logs and metrics. Never reuse one.
enum class ErrorCode {
  kInvalidArgument = 1,     // input is malformed or violates a rule
  kNotFound = 2,            // no such thing, or the caller may not know it exists
  kConflict = 3,            // unique constraint or concurrent state change
  kForbidden = 4,           // authenticated but not allowed
  kUnauthenticated = 5,     // no or bad credentials
  kUnavailable = 6,         // transient: database busy/locked, disk full; retry later
  kInternal = 7,            // a broken invariant
  kPreconditionFailed = 8,  // the caller's version of the resource is stale
  kTooLarge = 9,            // input exceeds a configured size limit
  kRateLimited = 10,        // too many attempts; retry later
};

std::string_view ToString(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;   // offending input field, e.g. "subject"; may be empty
  std::string reason;  // stable slug for clients, e.g. "coupon-used"; may be empty
  // kRateLimited: whole seconds until a retry can succeed; 0 = not known.
  std::int64_t retry_after_seconds = 0;

  static Error InvalidArgument(std::string message, std::string field = {});
  static Error NotFound(std::string message);
  static Error Conflict(std::string message, std::string reason = {});
  static Error Forbidden(std::string message);
  static Error Unauthenticated(std::string message);
  static Error Unavailable(std::string message);
  static Error Internal(std::string message);
  static Error PreconditionFailed(std::string message);
  static Error TooLarge(std::string message, std::string field = {});
  static Error RateLimited(std::string message);

  // Returns a copy with `reason` set; lets callers write
  // Error::Conflict("...").WithReason("coupon-used").
  Error WithReason(std::string r) const&;
  Error WithReason(std::string r) &&;
  // Likewise with the input field at fault, for errors whose factory takes
  // none: Error::Conflict("...", "category-exists").WithField("slug").
  Error WithField(std::string f) &&;
};

// Holds either a T or an Error. Accessing the wrong alternative is a
// programmer error (asserted).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(!ok());
    return *error_;
  }
  Error&& error() && {
    assert(!ok());
    return std::move(*error_);
  }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace hd

#define HD_CONCAT_INNER_(a, b) a##b
#define HD_CONCAT_(a, b) HD_CONCAT_INNER_(a, b)

// Returns the error of `expr` (a Result) from the enclosing function.
#define HD_RETURN_IF_ERROR(expr) HD_RETURN_IF_ERROR_IMPL_(HD_CONCAT_(hd_status_, __COUNTER__), expr)
#define HD_RETURN_IF_ERROR_IMPL_(tmp, expr)       \
  do {                                            \
    auto&& tmp = (expr);                          \
    if (!tmp.ok()) return std::move(tmp).error(); \
  } while (false)

// Declares `lhs` from the value of `expr` (a Result<T>), or returns its error.
#define HD_ASSIGN_OR_RETURN(lhs, expr) \
  HD_ASSIGN_OR_RETURN_IMPL_(HD_CONCAT_(hd_result_, __COUNTER__), lhs, expr)
#define HD_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).error();   \
  lhs = std::move(tmp).value()
