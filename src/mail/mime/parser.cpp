// ParseMessage (parser.hpp): GMime reads the structure, mime_tree.hpp picks
// the body and the attachments, headers.hpp reads the header values,
// classify.hpp tells automatic mail and bounces.
#include "mail/mime/parser.hpp"

#include <gmime/gmime.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "mail/mime/charset.hpp"
#include "mail/mime/classify.hpp"
#include "mail/mime/gmime_init.hpp"
#include "mail/mime/gobject_ptr.hpp"
#include "mail/mime/headers.hpp"
#include "mail/mime/html_text.hpp"
#include "mail/mime/mime_tree.hpp"
#include "mail/mime/uuencode.hpp"

namespace hd::mail {
namespace {

constexpr std::size_t kMaxProblems = 50;
constexpr std::size_t kMaxDeliveredTo = 20;

// An mbox "From " line (and blank lines) in front of the headers.
std::string_view WithoutEnvelope(std::string_view raw) {
  if (raw.substr(0, 5) == "From ") {
    const std::size_t eol = raw.find('\n');
    raw = eol == std::string_view::npos ? std::string_view{} : raw.substr(eol + 1);
  }
  while (!raw.empty() && (raw.front() == '\n' || raw.front() == '\r')) raw.remove_prefix(1);
  return raw;
}

// The parser's findings that tell a reader something about the message.
struct Warning {
  GMimeParserWarning code;
  const char* text;
};
constexpr Warning kWarnings[] = {
    {GMIME_WARN_MALFORMED_MULTIPART, "a multipart without parts"},
    {GMIME_WARN_TRUNCATED_MESSAGE, "the message is truncated"},
    {GMIME_WARN_MALFORMED_MESSAGE, "the message is malformed"},
    {GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY, "a multipart without a boundary"},
    {GMIME_CRIT_NESTING_OVERFLOW, "parts nested too deeply"},
    {GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT, "an empty part"},
    {GMIME_CRIT_INVALID_HEADER_NAME, "an invalid header line"},
};

void OnParserWarning(gint64 /*offset*/, GMimeParserWarning code, const gchar* /*item*/,
                     gpointer data) {
  auto* problems = static_cast<std::vector<std::string>*>(data);
  for (const Warning& w : kWarnings) {
    if (w.code != code) continue;
    if (problems->size() < kMaxProblems &&
        std::find(problems->begin(), problems->end(), w.text) == problems->end()) {
      problems->emplace_back(w.text);
    }
    return;
  }
}

struct ParserOptionsDeleter {
  void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

std::unique_ptr<GMimeParserOptions, ParserOptionsDeleter> MakeOptions(
    std::vector<std::string>* problems) {
  std::unique_ptr<GMimeParserOptions, ParserOptionsDeleter> o(g_mime_parser_options_new());
  // Header values are decoded by headers.hpp, not by GMime; GMime's loose
  // RFC 2047 check of every header is quadratic in the "=?" of a value.
  g_mime_parser_options_set_rfc2047_compliance_mode(o.get(), GMIME_RFC_COMPLIANCE_STRICT);
  g_mime_parser_options_set_parameter_compliance_mode(o.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(o.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_warning_callback(o.get(), OnParserWarning, problems);
  return o;
}

void ReadHeaders(const HeaderBlock& h, std::string_view hint, core::InboundMail& mail) {
  if (auto from = h.Find("From")) {
    auto list = ParseAddresses(*from, hint);
    if (!list.empty()) mail.from = std::move(list.front());
  }
  for (auto [name, field] : {std::pair{"To", &mail.to}, std::pair{"Cc", &mail.cc},
                             std::pair{"Reply-To", &mail.reply_to}}) {
    if (auto v = h.Find(name)) *field = ParseAddresses(*v, hint);
  }
  for (const RawHeader& header : h.all()) {
    if (g_ascii_strcasecmp(header.name.c_str(), "Delivered-To") == 0 ||
        g_ascii_strcasecmp(header.name.c_str(), "X-Original-To") == 0) {
      const std::string address = Unfold(header.value);
      if (!address.empty() && mail.delivered_to.size() < kMaxDeliveredTo &&
          std::find(mail.delivered_to.begin(), mail.delivered_to.end(), address) ==
              mail.delivered_to.end()) {
        mail.delivered_to.push_back(address);
      }
    }
  }
  if (auto v = h.Find("Subject")) mail.subject = DecodeText(*v, hint);
  if (auto v = h.Find("Message-ID")) {
    auto ids = ParseMessageIds(*v);
    if (!ids.empty()) mail.message_id = std::move(ids.front());
  }
  if (auto v = h.Find("In-Reply-To")) {
    auto ids = ParseMessageIds(*v);
    if (!ids.empty()) mail.in_reply_to = std::move(ids.front());
  }
  if (auto v = h.Find("References")) mail.references = ParseMessageIds(*v);
  if (auto v = h.Find("Date")) mail.date = ParseDate(Unfold(*v));
}

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// body_text is the plain part, or the HTML read as text when there is no
// plain part or it is blank (some senders put an empty one beside the HTML).
void ReadBody(TreeReading& reading, core::InboundMail& mail) {
  const bool use_html =
      reading.html && (!reading.plain || (IsBlank(*reading.plain) && !IsBlank(*reading.html)));
  if (use_html) {
    mail.body_text = HtmlToText(*reading.html);
  } else if (reading.plain) {
    mail.body_text = std::move(*reading.plain);
    auto files = ExtractUuencoded(mail.body_text);
    for (auto& f : files) reading.attachments.push_back(std::move(f));
  }
  mail.body_html = std::move(reading.html);
  mail.attachments = std::move(reading.attachments);
}

void MakeSafe(core::MailAddress& a) {
  a.name = SafeText(std::move(a.name));
  a.address = SafeText(std::move(a.address));
}

// Every text of the result is valid UTF-8 without NUL bytes, whatever the
// message held (attachment bytes stay as they are).
void MakeTextsSafe(core::InboundMail& mail) {
  MakeSafe(mail.from);
  for (auto* list : {&mail.to, &mail.cc, &mail.reply_to}) {
    for (auto& a : *list) MakeSafe(a);
  }
  // The bodies are UTF-8 by construction (charset.hpp, gumbo): only NUL
  // bytes can be in them.
  mail.body_text = SafeText(std::move(mail.body_text), true);
  if (mail.body_html) mail.body_html = SafeText(std::move(*mail.body_html), true);
  for (std::string* s :
       {&mail.subject, &mail.message_id, &mail.auto_reason, &mail.loop_header,
        &mail.bounce.original_message_id, &mail.bounce.status, &mail.bounce.diagnostic}) {
    *s = SafeText(std::move(*s));
  }
  if (mail.in_reply_to) mail.in_reply_to = SafeText(std::move(*mail.in_reply_to));
  for (auto* list : {&mail.references, &mail.delivered_to, &mail.bounce.failed_recipients}) {
    for (auto& s : *list) s = SafeText(std::move(s));
  }
  for (auto& a : mail.attachments) {
    for (std::string* s : {&a.filename, &a.content_type, &a.content_id, &a.embedded_subject}) {
      *s = SafeText(std::move(*s));
    }
  }
}

bool IsHeaderNameChar(char c) { return c > ' ' && c < 0x7F && c != ':'; }

// The top-level headers GMime needs to read the structure; headers.hpp
// reads all of them (GMime would make an object of each, a third of its
// time on a typical message).
bool ShapesStructure(std::string_view name) {
  return (name.size() > 8 && g_ascii_strncasecmp(name.data(), "Content-", 8) == 0) ||
         (name.size() == 12 && g_ascii_strncasecmp(name.data(), "MIME-Version", 12) == 0);
}

// The pieces of the message GMime is given: the structure headers, then
// the empty line and the body. nullopt when the header block has a line
// GMime might read otherwise than ParseHeaderLines (no colon, an odd name,
// a blank line of spaces, a NUL) or no end: GMime then reads it all.
std::optional<std::vector<std::string_view>> StructurePieces(std::string_view raw) {
  std::vector<std::string_view> pieces;
  bool keep = false;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const std::size_t eol = raw.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? raw.size() : eol + 1;
    const std::string_view line = raw.substr(pos, next - pos);
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r')) bare.remove_suffix(1);
    if (bare.find('\0') != std::string_view::npos) return std::nullopt;
    if (bare.empty()) {
      if (pieces.empty()) pieces.emplace_back("MIME-Version: 1.0\n");
      pieces.push_back(raw.substr(pos));
      return pieces;
    }
    if (bare.front() == ' ' || bare.front() == '\t') {
      if (pos == 0 || bare.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
    } else {
      const std::size_t colon = bare.find(':');
      if (colon == std::string_view::npos || colon == 0 ||
          !std::all_of(bare.begin(), bare.begin() + static_cast<std::ptrdiff_t>(colon),
                       IsHeaderNameChar)) {
        return std::nullopt;
      }
      keep = ShapesStructure(bare.substr(0, colon));
    }
    if (keep) pieces.push_back(line);
    pos = next;
  }
  return std::nullopt;
}

// A memory stream over the pieces, copied once into a buffer the stream
// owns; `bytes` is set to that buffer (offsets in the parsed tree refer
// to it).
GObjectPtr<GMimeStream> StreamOf(const std::vector<std::string_view>& pieces,
                                 std::string_view& bytes) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  GByteArray* array = g_byte_array_sized_new(static_cast<guint>(size));
  for (std::string_view piece : pieces) {
    g_byte_array_append(array, reinterpret_cast<const guint8*>(piece.data()),
                        static_cast<guint>(piece.size()));
  }
  bytes = std::string_view(reinterpret_cast<const char*>(array->data), array->len);
  return GObjectPtr<GMimeStream>(g_mime_stream_mem_new_with_byte_array(array));
}

// A message GMime cannot read at all (no header line): its bytes are kept
// as the text.
core::InboundMail Unreadable(std::string_view raw) {
  core::InboundMail mail;
  std::vector<std::string> ignored;
  mail.body_text = TextBody(std::string(raw), "", ignored);
  mail.problems.emplace_back("not a message: no header could be read; kept as text");
  MakeTextsSafe(mail);
  return mail;
}

}  // namespace

core::InboundMail ParseMessage(std::string_view raw_input) {
  EnsureGMime();
  const std::string_view raw = WithoutEnvelope(raw_input);
  std::vector<std::string> problems;
  auto options = MakeOptions(&problems);
  const auto pieces = StructurePieces(raw);
  std::string_view source;
  GObjectPtr<GMimeStream> stream =
      StreamOf(pieces ? *pieces : std::vector<std::string_view>{raw}, source);
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  // The message is read as its top part: GMime's message object would read
  // From, To and Date a second time, and headers.hpp reads them as mail
  // needs.
  GObjectPtr<GMimeObject> top(g_mime_parser_construct_part(parser.get(), options.get()));
  if (!top) return Unreadable(raw);

  TreeReading reading;
  PartPlace place;
  place.source = source;
  ReadTree(top.get(), place, reading);

  core::InboundMail mail;
  const HeaderBlock headers = pieces ? ParseHeaderLines(raw) : HeadersOf(top.get());
  ReadHeaders(headers, reading.hint_charset, mail);
  ReadBody(reading, mail);
  ClassifyAutomatic(headers, mail);
  ClassifyBounce(headers, reading.report_type, reading.delivery_status, reading.returned_message_id,
                 mail);
  mail.problems = std::move(problems);
  for (auto& p : reading.problems) {
    if (mail.problems.size() < kMaxProblems) mail.problems.push_back(std::move(p));
  }
  MakeTextsSafe(mail);
  return mail;
}

}  // namespace hd::mail
