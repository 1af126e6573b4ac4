#include "mail/transport/smtp_sender.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "mail/transport/curl_session.hpp"

namespace hd::mail {
namespace {

// An address that can go between <> in MAIL FROM / RCPT TO.
bool IsEnvelopeAddress(std::string_view address) {
  return std::none_of(address.begin(), address.end(), [](unsigned char c) {
    return c <= 0x20 || c == '<' || c == '>' || c == 0x7F;
  });
}

// Hands `raw` to libcurl piece by piece; counts what was taken so a retry
// happens only before any of the message left.
struct Upload {
  std::string_view data;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// The reply code at the start of `line` ("451 4.3.0 …" → 451), or 0.
long CodeOf(const std::string& line) {
  if (line.size() < 3) return 0;
  long code = 0;
  for (int i = 0; i < 3; ++i) {
    if (line[i] < '0' || line[i] > '9') return 0;
    code = code * 10 + (line[i] - '0');
  }
  return code;
}

}  // namespace

struct SmtpSender::Impl {
  ServerUrl server;
  std::string helo_name;
  CurlSession session;

  Impl(ServerUrl s, std::string helo, ConnectionSettings settings)
      : server(std::move(s)), helo_name(std::move(helo)), session(std::move(settings)) {}

  // libcurl takes the EHLO name from the URL's path.
  std::string Url() const {
    return server.Origin() + (helo_name.empty() ? "" : "/" + EscapePathSegment(helo_name));
  }

  Error ToError(const CurlOutcome& out, std::string_view action, bool check = false) const {
    const std::string prefix = server.Origin() + ": " + std::string(action) + ": ";
    const long code = out.response_code != 0 ? out.response_code : CodeOf(out.refusal);
    if (out.code == CURLE_LOGIN_DENIED) {
      // Not the message's fault: once an administrator fixes the login,
      // queued mail can go, so a send reports it as worth retrying.
      const std::string message =
          prefix + "login refused (check user and password): " + out.Explain();
      if (check) return Error::Unauthenticated(message);
      return Error::Unavailable(message).WithReason("smtp-login-refused");
    }
    if (code >= 500 && code < 600) {
      return Error::InvalidArgument(prefix + "rejected: " + out.Explain())
          .WithReason("smtp-rejected");
    }
    if (code >= 400 && code < 500) {
      return Error::Unavailable(prefix + "deferred: " + out.Explain());
    }
    return MailboxError(server.Origin(), action, out);
  }

  CurlOutcome TransferOnce(const std::string& from, const CurlList& rcpt, std::string_view raw,
                           Upload& upload) {
    session.Prepare(Url());
    CURL* h = session.handle();
    const std::string mail_from = "<" + from + ">";
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, &ReadUpload);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw.size()));
    return session.Perform(/*may_retry=*/false);
  }

  CurlOutcome Transfer(const std::string& from, const CurlList& rcpt, std::string_view raw) {
    Upload upload{raw};
    CurlOutcome out = TransferOnce(from, rcpt, raw, upload);
    if (!out.ok() && IsTransient(out.code) && out.reused_connection && upload.offset == 0) {
      // The kept connection had gone stale before DATA: nothing was handed
      // over, so one more try on a new connection cannot send twice.
      session.Disconnect();
      out = TransferOnce(from, rcpt, raw, upload);
    }
    return out;
  }
};

Result<std::unique_ptr<SmtpSender>> SmtpSender::Create(SmtpOptions options) {
  HD_ASSIGN_OR_RETURN(ServerUrl server, ParseServerUrl(options.url, {"smtp", "smtps"}));
  if (!IsMechanismName(options.auth_mechanism)) {
    return Error::InvalidArgument("not a SASL mechanism name", "auth_mechanism");
  }
  if (options.timeout.count() <= 0) {
    return Error::InvalidArgument("the timeout must be positive", "timeout");
  }
  if (!IsEnvelopeAddress(options.helo_name)) {
    return Error::InvalidArgument("not a host name", "helo_name");
  }
  ConnectionSettings settings;
  settings.user = options.user.empty() ? server.user : options.user;
  settings.password = options.user.empty() ? server.password : options.password;
  settings.bearer = options.bearer;
  settings.auth_mechanism = options.auth_mechanism;
  settings.require_tls = options.starttls;
  settings.verify_tls = options.verify_tls;
  settings.timeout = options.timeout;
  settings.protocols = "smtp,smtps";
  auto impl =
      std::make_unique<Impl>(std::move(server), std::move(options.helo_name), std::move(settings));
  return std::unique_ptr<SmtpSender>(new SmtpSender(std::move(impl)));
}

SmtpSender::SmtpSender(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SmtpSender::~SmtpSender() = default;

std::string SmtpSender::Name() const { return impl_->server.Origin(); }

Result<core::ports::SmtpReceipt> SmtpSender::Send(const std::string& envelope_from,
                                                  const std::vector<std::string>& recipients,
                                                  std::string_view raw) {
  if (!IsEnvelopeAddress(envelope_from)) {
    return Error::InvalidArgument("not an envelope address", "envelope_from");
  }
  if (recipients.empty()) return Error::InvalidArgument("no recipients", "recipients");
  CurlList rcpt;
  for (const std::string& recipient : recipients) {
    if (recipient.empty() || !IsEnvelopeAddress(recipient)) {
      return Error::InvalidArgument("not an envelope address: \"" + recipient + "\"", "recipients");
    }
    rcpt = Append(std::move(rcpt), "<" + recipient + ">");
  }
  CurlOutcome out = impl_->Transfer(envelope_from, rcpt, raw);
  if (!out.ok()) return impl_->ToError(out, "sending");
  core::ports::SmtpReceipt receipt;
  receipt.code = out.response_code != 0 ? static_cast<int>(out.response_code)
                                        : static_cast<int>(CodeOf(out.server_line));
  receipt.reply = out.server_line;
  return receipt;
}

Status SmtpSender::Check() {
  CurlOutcome out = impl_->session.Connect(impl_->Url());
  if (!out.ok()) return impl_->ToError(out, "greeting", /*check=*/true);
  return Ok();
}

}  // namespace hd::mail
