// multipart/form-data (RFC 7578) parsing for uploads, and the header
// parameter syntax it shares with Content-Type (RFC 9110 §5.6.6):
// `form-data; name="file"; filename="a b.png"`. Pure; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hd::http {

// A header value split into its leading token (lower-cased) and parameters
// (names lower-cased, quoted values unescaped).
struct HeaderValue {
  std::string value;
  std::map<std::string, std::string> params;
};

// Returns kInvalidArgument for an unterminated quoted string or a parameter
// without '='.
Result<HeaderValue> ParseHeaderValue(std::string_view text);

struct MultipartPart {
  std::string name;          // the form field name
  std::string filename;      // empty for a plain field; never contains a path
  bool is_file = false;      // a filename (possibly empty) was given
  std::string content_type;  // "text/plain" when the part does not say
  std::string body;
};

// Limits against hostile uploads; the body size itself is bounded upstream.
inline constexpr std::size_t kMaxMultipartParts = 100;
inline constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

// Parses a multipart/form-data body. `content_type` is the request's
// Content-Type header, which carries the boundary. kInvalidArgument with
// reason "malformed-multipart" for a missing or invalid boundary, a missing
// final delimiter, malformed part headers, a part without a name, or more
// than kMaxMultipartParts parts.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body);

}  // namespace hd::http
