// ClassifyBounce (classify.hpp): RFC 3464 delivery status notifications and
// the plain-text bounces of older mailers (qmail, Exim, Sendmail, Postfix
// without DSN, Exchange's "Undeliverable").
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "mail/mime/classify.hpp"

namespace hd::mail {
namespace {

constexpr std::size_t kMaxRecipients = 100;
constexpr std::size_t kMaxDiagnostic = 500;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "rfc822; <anna@example>" -> "anna@example".
std::string RecipientAddress(std::string_view raw) {
  std::string value = Unfold(raw);
  if (const std::size_t semi = value.find(';'); semi != std::string::npos) value.erase(0, semi + 1);
  std::string out;
  for (char c : value) {
    if (c != '<' && c != '>' && c != ' ' && c != '\t') out += c;
  }
  return out;
}

void AddRecipient(std::vector<std::string>& list, std::string address) {
  if (address.empty() || address.find('@') == std::string::npos) return;
  if (list.size() >= kMaxRecipients) return;
  if (std::find(list.begin(), list.end(), address) == list.end())
    list.push_back(std::move(address));
}

// The blocks of a message/delivery-status body: per-message fields, then
// one block per recipient.
void ReadDeliveryStatus(std::string_view text, core::BounceReport& report) {
  bool first_failure = true;
  while (!text.empty()) {
    std::size_t consumed = 0;
    const HeaderBlock block = ParseHeaderLines(text, &consumed);
    text.remove_prefix(std::max<std::size_t>(consumed, 1));
    auto final_recipient = block.Find("Final-Recipient");
    auto original = block.Find("Original-Recipient");
    if (!final_recipient && !original) continue;
    const std::string action = Lower(Unfold(block.Find("Action").value_or("")));
    const std::string status = Unfold(block.Find("Status").value_or(""));
    const bool failed = action == "failed" || (action.empty() && status.rfind('5', 0) == 0);
    if (failed)
      AddRecipient(report.failed_recipients,
                   RecipientAddress(original ? *original : *final_recipient));
    if ((failed && first_failure) || report.status.empty()) {
      report.status = status;
      report.diagnostic = Unfold(block.Find("Diagnostic-Code").value_or(""));
      if (const std::size_t semi = report.diagnostic.find(';'); semi != std::string::npos) {
        report.diagnostic = std::string(Trim(std::string_view(report.diagnostic).substr(semi + 1)));
      }
      if (failed) first_failure = false;
    }
  }
}

// Where a plain-text bounce starts quoting the returned message.
bool StartsReturnedMessage(std::string_view line) {
  const std::string l = Lower(line);
  static constexpr std::string_view kMarkers[] = {
      "return-path:",        "received:",          "original message",
      "copy of the message", "below this line",    "message headers follow",
      "original-message",    "исходное сообщение", "исходного письма",
      "копия письма",        "копия заголовков"};
  return std::any_of(std::begin(kMarkers), std::end(kMarkers), [&](std::string_view m) {
    return m.back() == ':' ? l.rfind(m, 0) == 0 : l.find(m) != std::string::npos;
  });
}

// The address a line of a bounce text starts with ("  anna@x",
// "<anna@x>:", "<anna@x>: host ... said: 550 ...", "anna@x on Thu, ..."),
// else "".
std::string LineAddress(std::string_view line) {
  line = Trim(line);
  if (!line.empty() && line.front() == '<') {
    const std::size_t close = line.find('>');
    if (close == std::string_view::npos) return {};
    return std::string(line.substr(1, close - 1));
  }
  std::string_view word = line.substr(0, line.find_first_of(" \t"));
  while (!word.empty() && (word.back() == ':' || word.back() == ',')) word.remove_suffix(1);
  const std::size_t at = word.find('@');
  if (at == std::string_view::npos || at == 0 || word.find('.', at) == std::string_view::npos ||
      word.back() == '.') {
    return {};
  }
  return std::string(word);
}

// "5.1.1" in a line, or "".
std::string StatusCode(std::string_view line) {
  for (std::size_t i = 0; i + 5 <= line.size(); ++i) {
    const char c = line[i];
    if ((c != '2' && c != '4' && c != '5') || line[i + 1] != '.') continue;
    if (i > 0 && (std::isdigit(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '.')) {
      continue;
    }
    std::size_t j = i + 2, k = 0;
    while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j])) && k < 3) ++j, ++k;
    if (k == 0 || j >= line.size() || line[j] != '.') continue;
    std::size_t m = j + 1, n = 0;
    while (m < line.size() && std::isdigit(static_cast<unsigned char>(line[m])) && n < 3) ++m, ++n;
    if (n > 0) return std::string(line.substr(i, m - i));
  }
  return {};
}

bool HasSmtpReply(std::string_view line) {
  for (std::size_t i = 0; i + 3 < line.size(); ++i) {
    const bool code = (line[i] == '4' || line[i] == '5') &&
                      std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
                      std::isdigit(static_cast<unsigned char>(line[i + 2])) &&
                      (line[i + 3] == ' ' || line[i + 3] == '-');
    if (code && (i == 0 || line[i - 1] == ' ' || line[i - 1] == ':')) return true;
  }
  return false;
}

void ReadPlainBounce(std::string_view text, core::BounceReport& report) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    const std::string_view line = Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (StartsReturnedMessage(line)) break;
    AddRecipient(report.failed_recipients, LineAddress(line));
    if (report.status.empty()) report.status = StatusCode(line);
    if (report.diagnostic.empty() && HasSmtpReply(line)) {
      report.diagnostic = std::string(line.substr(0, kMaxDiagnostic));
    }
  }
}

// The Message-ID of the returned message quoted in a bounce's text.
std::string QuotedMessageId(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    const std::string_view line = Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.size() > 11 && Lower(line.substr(0, 11)) == "message-id:") {
      const auto ids = ParseMessageIds(line.substr(11));
      if (!ids.empty()) return ids.front();
    }
  }
  return {};
}

}  // namespace

void ClassifyBounce(const HeaderBlock& headers, std::string_view report_type,
                    std::string_view delivery_status, std::string_view returned_message_id,
                    core::InboundMail& mail) {
  const bool report = report_type == "delivery-status";
  const bool receipt = report_type == "disposition-notification";
  if (!report && (receipt || !IsMailerDaemon(mail.from.address))) return;
  mail.is_bounce = true;
  core::BounceReport& bounce = mail.bounce;
  if (auto failed = headers.Find("X-Failed-Recipients")) {
    std::string value = Unfold(*failed);
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      AddRecipient(bounce.failed_recipients, RecipientAddress(value.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  if (report) {
    ReadDeliveryStatus(delivery_status, bounce);
  } else {
    ReadPlainBounce(mail.body_text, bounce);
  }
  bounce.original_message_id = std::string(returned_message_id);
  if (bounce.original_message_id.empty())
    bounce.original_message_id = QuotedMessageId(mail.body_text);
}

}  // namespace hd::mail
