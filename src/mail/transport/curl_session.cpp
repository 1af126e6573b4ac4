#include "mail/transport/curl_session.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <new>
#include <utility>

namespace hd::mail {
namespace {

struct CurlUrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlStringDeleter {
  void operator()(char* s) const { curl_free(s); }
};

// The part of `url`, or "" when it has none.
std::string GetPart(CURLU* url, CURLUPart part, unsigned int flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) return {};
  std::unique_ptr<char, CurlStringDeleter> owned(raw);
  return std::string(raw);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Keeps the last line the server sent (CURLINFO_HEADER_IN carries the
// protocol replies). What the client sends is never looked at: it holds
// the login.
struct ReplyCapture {
  std::string* last_line;
  std::string* refusal;
  std::string* partial;
};

// SMTP "4xx"/"5xx", POP3 "-ERR", IMAP "tag NO"/"tag BAD".
bool IsRefusal(std::string_view line) {
  if (line.size() >= 3 && (line[0] == '4' || line[0] == '5') &&
      std::isdigit(static_cast<unsigned char>(line[1])) &&
      std::isdigit(static_cast<unsigned char>(line[2]))) {
    return true;
  }
  if (line.rfind("-ERR", 0) == 0) return true;
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view status = line.substr(space + 1);
  return status.rfind("NO ", 0) == 0 || status.rfind("BAD ", 0) == 0 || status == "NO" ||
         status == "BAD";
}

int CaptureReply(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* capture = static_cast<ReplyCapture*>(user);
  capture->partial->append(data, size);
  size_t end;
  while ((end = capture->partial->find('\n')) != std::string::npos) {
    std::string line = capture->partial->substr(0, end);
    capture->partial->erase(0, end + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (IsRefusal(line)) *capture->refusal = line;
    *capture->last_line = std::move(line);
  }
  return 0;
}

}  // namespace

void EnsureCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlList Append(CurlList list, const std::string& item) {
  curl_slist* appended = curl_slist_append(list.get(), item.c_str());
  if (appended == nullptr) throw std::bad_alloc();
  (void)list.release();
  return CurlList(appended);
}

std::string ServerUrl::Origin() const {
  return scheme + "://" + host + (port.empty() ? "" : ":" + port);
}

std::string ServerUrl::Name() const { return path.empty() ? Origin() : Origin() + "/" + path; }

Result<ServerUrl> ParseServerUrl(const std::string& url,
                                 const std::vector<std::string_view>& schemes) {
  EnsureCurl();
  CurlUrl parsed(curl_url());
  if (!parsed) throw std::bad_alloc();
  if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
      CURLUE_OK) {
    return Error::InvalidArgument("not a URL a mail server can be reached at", "url");
  }
  ServerUrl out;
  out.scheme = Lower(GetPart(parsed.get(), CURLUPART_SCHEME));
  if (std::find(schemes.begin(), schemes.end(), out.scheme) == schemes.end()) {
    return Error::InvalidArgument("unsupported URL scheme \"" + out.scheme + "\"", "url");
  }
  out.host = GetPart(parsed.get(), CURLUPART_HOST);
  out.port = GetPart(parsed.get(), CURLUPART_PORT);
  out.path = GetPart(parsed.get(), CURLUPART_PATH, CURLU_URLDECODE);
  while (!out.path.empty() && out.path.front() == '/') out.path.erase(0, 1);
  out.user = GetPart(parsed.get(), CURLUPART_USER, CURLU_URLDECODE);
  out.password = GetPart(parsed.get(), CURLUPART_PASSWORD, CURLU_URLDECODE);
  if (out.host.empty()) return Error::InvalidArgument("the URL names no host", "url");
  return out;
}

std::string EscapePathSegment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : segment) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string CurlOutcome::Explain() const {
  if (!refusal.empty()) return refusal;
  if (!server_line.empty() && code != CURLE_OK && !IsTransient(code)) return server_line;
  if (!curl_error.empty()) return curl_error;
  if (!server_line.empty()) return server_line;
  return curl_easy_strerror(code);
}

CurlSession::CurlSession(ConnectionSettings settings) : settings_(std::move(settings)) {
  EnsureCurl();
  handle_.reset(curl_easy_init());
  if (!handle_) throw std::bad_alloc();
}

void CurlSession::ApplySettings(CURL* h, const std::string& url) {
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, settings_.protocols.c_str());
  if (!settings_.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  if (!settings_.bearer.empty()) {
    curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, settings_.bearer.c_str());
  }
  if (!settings_.auth_mechanism.empty()) {
    const std::string login_options = "AUTH=" + settings_.auth_mechanism;
    curl_easy_setopt(h, CURLOPT_LOGIN_OPTIONS, login_options.c_str());  // copied by libcurl
  }
  curl_easy_setopt(h, CURLOPT_USE_SSL,
                   settings_.require_tls ? static_cast<long>(CURLUSESSL_ALL)
                                         : static_cast<long>(CURLUSESSL_NONE));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, settings_.verify_tls ? 1L : 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, settings_.verify_tls ? 2L : 0L);
  const long seconds = static_cast<long>(settings_.timeout.count());
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, seconds);
  curl_easy_setopt(h, CURLOPT_SERVER_RESPONSE_TIMEOUT, seconds);
  // A transfer may take long (a big message on a slow line) but may not stall.
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, seconds);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body_);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);  // feeds CaptureReply; prints nothing
  curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, &CaptureReply);
}

void CurlSession::Prepare(const std::string& url) {
  curl_easy_reset(handle_.get());  // keeps the connection cache
  ApplySettings(handle_.get(), url);
}

CurlOutcome CurlSession::RunOnce(CURL* h) {
  body_.clear();
  server_line_.clear();
  refusal_.clear();
  partial_line_.clear();
  error_buffer_[0] = '\0';
  ReplyCapture capture{&server_line_, &refusal_, &partial_line_};
  curl_easy_setopt(h, CURLOPT_DEBUGDATA, &capture);
  CurlOutcome out;
  out.code = curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_DEBUGDATA, nullptr);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out.response_code);
  long connects = 0;
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
  out.reused_connection = connects == 0 && h == handle_.get() && warm_;
  if (h == handle_.get()) warm_ = out.code == CURLE_OK;
  out.body = std::move(body_);
  out.server_line = std::move(server_line_);
  out.refusal = std::move(refusal_);
  if (out.code != CURLE_OK) {
    out.curl_error = error_buffer_[0] != '\0' ? error_buffer_ : curl_easy_strerror(out.code);
  }
  return out;
}

CurlOutcome CurlSession::Perform(bool may_retry) {
  CurlOutcome out = RunOnce(handle_.get());
  if (may_retry && IsTransient(out.code) && out.reused_connection) {
    curl_easy_setopt(handle_.get(), CURLOPT_FRESH_CONNECT, 1L);
    out = RunOnce(handle_.get());
    curl_easy_setopt(handle_.get(), CURLOPT_FRESH_CONNECT, 0L);
  }
  return out;
}

void CurlSession::Disconnect() {
  // A new handle has an empty connection cache; the old one hangs up
  // (QUIT / LOGOUT) when it is cleaned up.
  CurlEasy fresh(curl_easy_init());
  if (!fresh) throw std::bad_alloc();
  handle_ = std::move(fresh);
  warm_ = false;
}

CurlOutcome CurlSession::Connect(const std::string& url) {
  CurlEasy probe(curl_easy_init());
  if (!probe) throw std::bad_alloc();
  ApplySettings(probe.get(), url);
  curl_easy_setopt(probe.get(), CURLOPT_CONNECT_ONLY, 1L);
  return RunOnce(probe.get());
}

bool IsMechanismName(std::string_view name) {
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

Result<ConnectionSettings> MailboxSettings(const MailboxOptions& options, const ServerUrl& url,
                                           std::string protocols) {
  if (!IsMechanismName(options.auth_mechanism)) {
    return Error::InvalidArgument("not a SASL mechanism name", "auth_mechanism");
  }
  if (options.timeout.count() <= 0) {
    return Error::InvalidArgument("the timeout must be positive", "timeout");
  }
  ConnectionSettings settings;
  settings.user = options.user.empty() ? url.user : options.user;
  settings.password = options.user.empty() ? url.password : options.password;
  settings.bearer = options.bearer;
  settings.auth_mechanism = options.auth_mechanism;
  settings.require_tls = options.starttls;
  settings.verify_tls = options.verify_tls;
  settings.timeout = options.timeout;
  settings.protocols = std::move(protocols);
  return settings;
}

bool IsTransient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PARTIAL_FILE:
      return true;
    default:
      return false;
  }
}

Error MailboxError(const std::string& server, std::string_view action, const CurlOutcome& out) {
  const std::string prefix = server + ": " + std::string(action) + ": ";
  const std::string& line = out.refusal;
  switch (out.code) {
    case CURLE_LOGIN_DENIED:
      if (line.find("NONEXISTENT") != std::string::npos ||
          line.find("doesn't exist") != std::string::npos) {
        return Error::NotFound(prefix + "no such folder: " + line);
      }
      return Error::Unauthenticated(prefix +
                                    "login refused (check user and password): " + out.Explain());
    case CURLE_REMOTE_FILE_NOT_FOUND:
    case CURLE_REMOTE_ACCESS_DENIED:
      return Error::NotFound(prefix + "not found: " + out.Explain());
    case CURLE_QUOTE_ERROR:
      return Error::Internal(prefix + "the server refused the command: " + out.Explain());
    case CURLE_PEER_FAILED_VERIFICATION:
      return Error::Unavailable(prefix +
                                "the server's TLS certificate is not trusted: " + out.curl_error);
    case CURLE_USE_SSL_FAILED:
      return Error::Unavailable(prefix + "the server offers no STARTTLS: " + out.curl_error);
    default:
      return Error::Unavailable(prefix + out.Explain());
  }
}

}  // namespace hd::mail
