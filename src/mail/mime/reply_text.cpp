#include "mail/mime/reply_text.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/mail.hpp"

namespace hd::mail {

namespace {

// A line of the text without its line end, and where it starts.
struct Line {
  std::string_view text;
  std::size_t begin = 0;
};

// Attribution lines are short; a paragraph that happens to end in "wrote:"
// is not one.
constexpr std::size_t kMaxAttributionBytes = 300;
// "--" without the space marks a signature only before a block this short.
constexpr std::size_t kMaxLooseSignatureLines = 6;
constexpr std::size_t kMaxMobileSignatureBytes = 80;
// How far below "From:" Outlook's Sent/To/Subject lines may be.
constexpr std::size_t kOutlookBlockLines = 5;

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, begin});
    begin = end + 1;
  }
  return lines;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive for ASCII letters; other bytes compare as they are.
bool StartsWith(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != AsciiLower(prefix[i])) return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && StartsWith(s.substr(s.size() - suffix.size()), suffix);
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }
bool IsQuoted(std::string_view line) {
  const std::string_view t = Trim(line);
  return !t.empty() && t.front() == '>';
}

// "On Mon, 12 Jan 2026 at 10:15, Support <…> wrote:", "12.01.2026 10:15,
// Support пишет:", "12.01.2026, 10:15, "Support" <…>:", "Понедельник, 12
// января 2026, 10:15 +03:00 от Support <…>:": a date or time, and one of
// the endings mail clients write.
bool HasAttributionEnding(std::string_view trimmed) {
  static constexpr std::string_view kEndings[] = {
      "wrote:",      "writes:",  "пишет:",    "написал:", "написала:",
      "написал(а):", "schrieb:", "a écrit :", "a écrit:", ">:"};
  return std::any_of(std::begin(kEndings), std::end(kEndings),
                     [&](std::string_view e) { return EndsWith(trimmed, e); });
}

bool IsAttribution(std::string_view line) {
  const std::string_view t = Trim(line);
  return t.size() <= kMaxAttributionBytes && HasAttributionEnding(t) && HasDigit(t);
}

// "-----Original Message-----", "-------- Исходное сообщение --------".
// Forwarded messages are content, not history, and are not matched.
bool IsOriginalMessageSeparator(std::string_view line) {
  // ASCII compares case-insensitively; Russian is listed as clients write it.
  static constexpr std::string_view kTitles[] = {
      "original message",       "Исходное сообщение",      "исходное сообщение",
      "Оригинальное сообщение", "ursprüngliche nachricht", "message d'origine"};
  std::string_view t = Trim(line);
  if (!StartsWith(t, "--") || !EndsWith(t, "--")) return false;
  while (!t.empty() && (t.front() == '-' || t.front() == ' ')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == '-' || t.back() == ' ')) t.remove_suffix(1);
  return std::any_of(std::begin(kTitles), std::end(kTitles), [&](std::string_view title) {
    return t.size() == title.size() && StartsWith(t, title);
  });
}

// A field line of Outlook's header block, bold ("*From:*") when it came from HTML.
bool IsOutlookField(std::string_view line, std::initializer_list<std::string_view> names) {
  std::string_view t = Trim(line);
  while (!t.empty() && t.front() == '*') t.remove_prefix(1);
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view name) { return StartsWith(t, name); });
}

// Outlook's "From: … / Sent: … / To: … / Subject: …" (also in Russian)
// starting at line `i`.
bool IsOutlookBlock(const std::vector<Line>& lines, std::size_t i) {
  if (!IsOutlookField(lines[i].text, {"From:", "От:", "От кого:"})) return false;
  std::size_t fields = 0;
  const std::size_t end = std::min(lines.size(), i + 1 + kOutlookBlockLines);
  for (std::size_t k = i + 1; k < end; ++k) {
    if (IsOutlookField(lines[k].text, {"Sent:", "Date:", "To:", "Subject:", "Cc:", "Отправлено:",
                                       "Дата:", "Кому:", "Тема:", "Копия:"})) {
      ++fields;
    }
  }
  return fields >= 2;
}

bool IsMarker(std::string_view line) {
  return !IsQuoted(line) && line.find(core::kReplyAboveMarker) != std::string_view::npos;
}

bool IsMobileSignature(std::string_view line) {
  static constexpr std::string_view kPrefixes[] = {
      "Sent from ",    "Sent via ",      "Sent with ",    "Get Outlook for ",
      "Отправлено с ", "Отправлено со ", "Отправлено из "};
  const std::string_view t = Trim(line);
  return t.size() <= kMaxMobileSignatureBytes &&
         std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view p) { return StartsWith(t, p); });
}

bool IsHorizontalRule(std::string_view line) {
  const std::string_view t = Trim(line);
  return t.size() >= 10 && t.find_first_not_of("_") == std::string_view::npos;
}

// The text up to line `end` without leading blank lines and trailing white
// space.
std::string_view TrimmedPrefix(std::string_view text, const std::vector<Line>& lines,
                               std::size_t end) {
  std::string_view out = text.substr(0, end < lines.size() ? lines[end].begin : text.size());
  while (!out.empty() && IsSpace(out.back())) out.remove_suffix(1);
  for (const Line& line : lines) {
    if (line.begin >= out.size() || !IsBlank(line.text)) {
      return out.substr(std::min(line.begin, out.size()));
    }
  }
  return out;
}

// Finds where the quoted history and the signature start, in one pass over
// the lines plus constant look-around per line.
class ReplyScanner {
 public:
  explicit ReplyScanner(std::string_view text) : lines_(SplitLines(text)) {
    const std::size_t n = lines_.size();
    next_content_.assign(n + 1, n);
    content_before_.assign(n + 1, 0);
    for (std::size_t i = n; i-- > 0;) {
      next_content_[i] = IsBlank(lines_[i].text) ? next_content_[i + 1] : i;
    }
    for (std::size_t i = 0; i < n; ++i) {
      content_before_[i + 1] = content_before_[i] + (IsBlank(lines_[i].text) ? 0 : 1);
    }
    trailing_quotes_ = TrailingQuoteRegion();
  }

  const std::vector<Line>& lines() const { return lines_; }

  // The first line of the quoted history; lines().size() when there is none.
  std::size_t HistoryStart() const {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string_view line = lines_[i].text;
      if (IsQuoted(line)) continue;
      if (IsMarker(line)) return AttributionAbove(i, /*any_colon=*/true);
      if (IsOriginalMessageSeparator(line)) return RuleAbove(i);
      if (IsOutlookBlock(lines_, i)) return RuleAbove(i);
      const std::size_t end = AttributionEnd(i);
      if (end != kNone && StartsHistory(end)) return i;
    }
    if (trailing_quotes_ == lines_.size()) return lines_.size();
    return AttributionAbove(next_content_[trailing_quotes_], /*any_colon=*/false);
  }

  // The first line of the signature before line `end`; `end` when none.
  std::size_t SignatureStart(std::size_t end) const {
    for (std::size_t i = 0; i < end; ++i) {
      const std::string_view line = lines_[i].text;
      if (line == "-- ") return i;
      if (line == "--" &&
          content_before_[end] - content_before_[i + 1] <= kMaxLooseSignatureLines) {
        return i;
      }
    }
    const std::size_t last = PreviousContent(end);
    return last != kNone && IsMobileSignature(lines_[last].text) ? last : end;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // The last non-blank line before `i`, or kNone.
  std::size_t PreviousContent(std::size_t i) const {
    while (i > 0) {
      if (!IsBlank(lines_[--i].text)) return i;
    }
    return kNone;
  }

  bool IsAttributionLine(std::size_t i) const {
    return !IsQuoted(lines_[i].text) && IsAttribution(lines_[i].text);
  }

  // Lines i and i+1 as one attribution, wrapped by the client ("On Mon, 12
  // Jan 2026 at 10:15, Support <" / "support@helpdesk.example> wrote:").
  bool IsWrappedAttribution(std::size_t i) const {
    if (i + 1 >= lines_.size() || IsQuoted(lines_[i].text) || IsBlank(lines_[i].text) ||
        !HasAttributionEnding(Trim(lines_[i + 1].text)) || !HasDigit(lines_[i].text) ||
        IsAttributionLine(i + 1)) {
      return false;
    }
    const std::string joined =
        std::string(Trim(lines_[i].text)) + " " + std::string(Trim(lines_[i + 1].text));
    return IsAttribution(joined);
  }

  // The last line of the attribution starting at line `i`, or kNone.
  std::size_t AttributionEnd(std::size_t i) const {
    if (IsAttributionLine(i)) return i;
    return IsWrappedAttribution(i) ? i + 1 : kNone;
  }

  // An attribution ending at line `end` opens the history when what follows
  // is not a reply written below the quote: nothing, unquoted history
  // (clients that do not quote), or quoted lines that run to the end.
  bool StartsHistory(std::size_t end) const {
    const std::size_t k = next_content_[end + 1];
    return k == lines_.size() || !IsQuoted(lines_[k].text) || k >= trailing_quotes_;
  }

  // `i`, or the attribution line(s) just above it. With `any_colon` (above
  // our marker) any short line ending in ':' counts.
  std::size_t AttributionAbove(std::size_t i, bool any_colon) const {
    const std::size_t p = PreviousContent(i);
    if (p == kNone || IsQuoted(lines_[p].text)) return i;
    if (IsAttributionLine(p)) return p;
    if (p > 0 && IsWrappedAttribution(p - 1)) return p - 1;
    const std::string_view t = Trim(lines_[p].text);
    const bool looks_like_one = any_colon || HasDigit(t) || t.find('@') != std::string_view::npos;
    return looks_like_one && t.size() <= kMaxAttributionBytes && EndsWith(t, ":") ? p : i;
  }

  // `i`, or the "____" line Outlook draws above its header block.
  std::size_t RuleAbove(std::size_t i) const {
    const std::size_t p = PreviousContent(i);
    return p != kNone && IsHorizontalRule(lines_[p].text) ? p : i;
  }

  // The first line of the quoted (and blank) lines that end the text, when
  // its last non-blank line is quoted; lines_.size() otherwise.
  std::size_t TrailingQuoteRegion() const {
    std::size_t start = lines_.size();
    while (start > 0 && (IsBlank(lines_[start - 1].text) || IsQuoted(lines_[start - 1].text))) {
      --start;
    }
    return next_content_[start] == lines_.size() ? lines_.size() : start;
  }

  std::vector<Line> lines_;
  std::vector<std::size_t> next_content_;    // first non-blank line at or after i
  std::vector<std::size_t> content_before_;  // non-blank lines before line i
  std::size_t trailing_quotes_ = 0;
};

}  // namespace

std::string ExtractReply(std::string_view body_text) {
  const ReplyScanner scanner(body_text);
  const std::size_t history = scanner.HistoryStart();
  std::string_view reply =
      TrimmedPrefix(body_text, scanner.lines(), scanner.SignatureStart(history));
  if (reply.empty()) reply = TrimmedPrefix(body_text, scanner.lines(), history);
  if (reply.empty()) reply = TrimmedPrefix(body_text, scanner.lines(), scanner.lines().size());
  return std::string(reply);
}

}  // namespace hd::mail
