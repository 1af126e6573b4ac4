#include "http/security_headers.hpp"

namespace hd::http {

void AddSecurityHeaders(Response& response) {
  const auto set_default = [&](std::string name, std::string_view value) {
    if (!response.Header(name)) response.SetHeader(std::move(name), std::string(value));
  };
  const std::string_view type = response.Header("Content-Type").value_or("");
  const bool page = type.rfind("text/html", 0) == 0;
  set_default("Content-Security-Policy", page ? kPagePolicy : kResourcePolicy);
  set_default("X-Content-Type-Options", "nosniff");
  set_default("Referrer-Policy", "no-referrer");
  set_default("X-Frame-Options", "DENY");
}

}  // namespace hd::http
