// Request and Response: plain HTTP messages as the router and the handlers
// see them. The socket code (connection.cpp) converts Beast messages to and
// from these, so everything above it is testable without sockets and free of
// Beast. Plain values with no thread affinity.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hd::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive ASCII comparison of header names and tokens.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// The value of the first header called `name` (case-insensitive), if any.
std::optional<std::string_view> FindHeader(const Headers& headers, std::string_view name);

struct Request {
  std::string method;  // "GET", "POST", … as sent
  std::string path;    // the target before '?', e.g. "/api/v1/tickets/7"
  std::string query;   // the raw text after '?', without it; may be empty
  Headers headers;
  std::string body;
  std::string remote_address;  // the peer's IP address, for login throttling
  std::string id;              // request id for logs (X-Request-Id); may be empty

  std::optional<std::string_view> Header(std::string_view name) const {
    return FindHeader(headers, name);
  }
};

class ResponseStream;  // http/event_stream.hpp

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Set for a body sent as it is produced (Server-Sent Events): the
  // connection writes the header, then the stream's text until it ends or
  // the client goes away; `body` is ignored.
  std::shared_ptr<ResponseStream> stream;
  // The route template that answered ("/api/v1/tickets/{id}"), for logs and
  // metrics only; never sent.
  std::string route;

  void SetHeader(std::string name, std::string value);
  std::optional<std::string_view> Header(std::string_view name) const {
    return FindHeader(headers, name);
  }
};

// A response with a JSON body (already encoded) and its Content-Type.
Response JsonResponse(int status, std::string body);

// True for methods that change state: POST, PUT, PATCH, DELETE.
bool IsUnsafeMethod(std::string_view method);

}  // namespace hd::http
