#include "mail/mime/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace hd::mail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kMaxCharsetName = 40;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsAscii(std::string_view bytes) {
  unsigned char any = 0;  // branch-free: the compiler vectorises it
  for (char c : bytes) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

struct Alias {
  std::string_view from;
  std::string_view to;
};

// The supersets real senders mean: a "gb2312" mail holds GBK, a
// "shift_jis" mail Windows-31J, an "iso-8859-1" mail Windows-1252 (as
// browsers read them); and names iconv spells differently.
constexpr Alias kAliases[] = {
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"x-gbk", "gb18030"},
    {"euc-cn", "gb18030"},
    {"cp936", "gb18030"},
    {"csgb2312", "gb18030"},
    {"gb_2312-80", "gb18030"},
    {"big5", "cp950"},
    {"x-big5", "cp950"},
    {"cn-big5", "cp950"},
    {"csbig5", "cp950"},
    {"shift_jis", "cp932"},
    {"shift-jis", "cp932"},
    {"sjis", "cp932"},
    {"x-sjis", "cp932"},
    {"ms_kanji", "cp932"},
    {"csshiftjis", "cp932"},
    {"windows-31j", "cp932"},
    {"iso-2022-jp", "iso-2022-jp-2"},
    {"euc-kr", "cp949"},
    {"ks_c_5601-1987", "cp949"},
    {"ksc5601", "cp949"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"ascii", "us-ascii"},
    {"ansi_x3.4-1968", "us-ascii"},
    {"cp1251", "windows-1251"},
    {"win-1251", "windows-1251"},
    {"cp1252", "windows-1252"},
    {"x-mac-cyrillic", "maccyrillic"},
    {"x-mac-roman", "macintosh"},
    {"iso-8859-8-i", "iso-8859-8"},
    {"iso-8859-6-i", "iso-8859-6"},
    {"unicode-1-1-utf-7", "utf-7"},
};

// Labels that name no charset at all.
constexpr std::string_view kNoCharset[] = {"x-unknown",      "unknown", "unknown-8bit",
                                           "x-user-defined", "default", "8bit"};

bool IsCharsetNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

// A label as iconv should read it: trimmed, lower-case, widened by
// kAliases. Empty for labels that name no charset, or that are not a plain
// charset name at all (iconv is never handed a stranger's path).
std::string EffectiveCharset(std::string_view declared) {
  while (!declared.empty() && (declared.front() == ' ' || declared.front() == '"')) {
    declared.remove_prefix(1);
  }
  while (!declared.empty() && (declared.back() == ' ' || declared.back() == '"')) {
    declared.remove_suffix(1);
  }
  if (declared.empty() || declared.size() > kMaxCharsetName ||
      !std::all_of(declared.begin(), declared.end(), IsCharsetNameChar)) {
    return {};
  }
  const std::string name = Lower(declared);
  for (const Alias& a : kAliases) {
    if (name == a.from) return std::string(a.to);
  }
  for (std::string_view none : kNoCharset) {
    if (name == none) return {};
  }
  return name;
}

bool IsSingleByte(std::string_view charset) {
  static constexpr std::string_view kPrefixes[] = {
      "windows-", "iso-8859-", "iso8859", "koi8", "cp8", "ibm8", "mac", "latin", "us-ascii"};
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view p) { return charset.substr(0, p.size()) == p; });
}

// Encodings whose ASCII-looking bytes are not ASCII text.
bool IsStateful(std::string_view charset) {
  static constexpr std::string_view kPrefixes[] = {"utf-16", "utf-32",   "ucs-",
                                                   "utf-7",  "iso-2022", "hz"};
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view p) { return charset.substr(0, p.size()) == p; });
}

// Runs iconv over all of `in`, turning each byte it cannot read into U+FFFD.
void RunIconv(iconv_t cd, std::string_view in, std::string& out, std::size_t& errors) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char buffer[4096];
  bool flushing = false;
  while (true) {
    char* dst = buffer;
    std::size_t dst_left = sizeof buffer;
    const std::size_t rc = flushing ? iconv(cd, nullptr, nullptr, &dst, &dst_left)
                                    : iconv(cd, &src, &src_left, &dst, &dst_left);
    const int err = errno;
    out.append(buffer, static_cast<std::size_t>(dst - buffer));
    if (rc != static_cast<std::size_t>(-1)) {
      if (flushing) return;
      flushing = src_left == 0;
      continue;
    }
    if (err == E2BIG) continue;
    if (flushing) return;
    ++errors;
    out.append(kReplacement);
    if (err == EINVAL || src_left <= 1) {  // truncated sequence at the end
      src_left = 0;
      flushing = true;
      continue;
    }
    ++src;
    --src_left;
  }
}

// The length of the well-formed UTF-8 sequence at p (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF), 0 when there is none.
std::size_t SequenceLength(const unsigned char* p, std::size_t left) {
  const unsigned c = p[0];
  const auto cont = [&](std::size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

// What iconv wrote, made well-formed: some converters (UCS-4) write
// sequences for code points UTF-8 does not have; each becomes U+FFFD.
void ScrubUtf8(std::string& text) {
  if (IsUtf8(text)) return;
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    const std::size_t n = SequenceLength(p, static_cast<std::size_t>(end - p));
    if (n == 0) {
      out.append(kReplacement);
      ++p;
    } else {
      out.append(reinterpret_cast<const char*>(p), n);
      p += n;
    }
  }
  text = std::move(out);
}

// Converters to UTF-8 by charset, a few per thread, opened once. GMime's
// own iconv cache is not used: it keeps every charset name it is ever given
// for the life of the process, and the names come from strangers' mail.
class IconvCache {
 public:
  IconvCache() = default;
  IconvCache(const IconvCache&) = delete;
  IconvCache& operator=(const IconvCache&) = delete;
  ~IconvCache() {
    for (Entry& e : entries_) iconv_close(e.cd);
  }

  // The converter from `charset`, or nullptr when iconv does not know it.
  iconv_t Get(const std::string& charset) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].charset == charset) {
        std::rotate(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(i),
                    entries_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        return entries_.front().cd;
      }
    }
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return nullptr;
    if (entries_.size() == kSize) {
      iconv_close(entries_.back().cd);
      entries_.pop_back();
    }
    entries_.insert(entries_.begin(), Entry{charset, cd});
    return cd;
  }

 private:
  static constexpr std::size_t kSize = 8;
  struct Entry {
    std::string charset;
    iconv_t cd;
  };
  std::vector<Entry> entries_;
};

std::string StripUtf8Bom(std::string& text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return std::move(text);
}

std::string Guessed(std::string_view bytes) {
  if (IsUtf8(bytes)) {
    std::string text(bytes);
    return StripUtf8Bom(text);
  }
  std::string out;
  std::size_t errors = 0;
  ConvertCharset(bytes, GuessLegacyCharset(bytes), out, errors);
  return out;
}

void Note(std::vector<std::string>* problems, std::string text) {
  if (problems != nullptr && problems->size() < 100) problems->push_back(std::move(text));
}

}  // namespace

bool IsUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = p + bytes.size();
  while (p < end) {
    // Runs of ASCII eight bytes at a time, then the two-byte sequences of
    // Cyrillic, Greek and accented Latin text inline; the rest by rule.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) break;
      p += 8;
    }
    if (p == end) break;
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
    } else if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      p += 2;
    } else {
      const std::size_t n = SequenceLength(p, static_cast<std::size_t>(end - p));
      if (n == 0) return false;
      p += n;
    }
  }
  return true;
}

std::string SafeText(std::string text, bool known_utf8) {
  if (!known_utf8 && !IsUtf8(text)) text = Guessed(text);
  if (text.find('\0') != std::string::npos) {
    text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
  }
  return text;
}

bool ConvertCharset(std::string_view bytes, std::string_view charset, std::string& out,
                    std::size_t& errors) {
  const std::string name = EffectiveCharset(charset);
  if (name.empty()) return false;
  thread_local IconvCache cache;
  iconv_t cd = cache.Get(name);
  if (cd == nullptr) return false;
  out.reserve(out.size() + bytes.size() + bytes.size() / 2);
  RunIconv(cd, bytes, out, errors);
  if (!IsSingleByte(name)) ScrubUtf8(out);  // single-byte tables map into the BMP
  return true;
}

std::string GuessLegacyCharset(std::string_view bytes) {
  std::size_t ascii_letters = 0, high_letters = 0, upper_half = 0, lower_half = 0, runs = 0;
  std::size_t run = 0;
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++ascii_letters;
    if (c >= 0xC0) {
      ++high_letters;
      (c >= 0xE0 ? upper_half : lower_half)++;
      if (++run == 3) ++runs;
    } else {
      run = 0;
    }
  }
  if (high_letters == 0) return "windows-1251";
  const bool cyrillic = runs > 0 || high_letters * 5 >= (high_letters + ascii_letters) * 2;
  if (!cyrillic) return "windows-1252";
  // Most letters of running text are lower case: windows-1251 keeps them in
  // 0xE0-0xFF, KOI8-R in 0xC0-0xDF.
  return lower_half > upper_half * 3 / 2 ? "koi8-r" : "windows-1251";
}

void ToUtf8InPlace(std::string& text, std::string_view declared,
                   std::vector<std::string>* problems) {
  const std::string charset = EffectiveCharset(declared);
  const bool stateful = IsStateful(charset);
  if (!stateful && IsAscii(text)) return;
  const bool utf8 = !stateful && IsUtf8(text);
  if (charset.empty() || charset == "utf-8" || charset == "us-ascii") {
    if (charset.empty() && !declared.empty()) {
      Note(problems, "unknown charset \"" + std::string(declared) + "\"");
    } else if (!utf8 && !charset.empty()) {
      Note(problems, "text is not valid " + charset);
    }
    text = utf8 ? StripUtf8Bom(text) : Guessed(text);
    return;
  }
  // A single-byte label on bytes that are valid UTF-8 with multi-byte
  // sequences is a mislabel: legacy text almost never forms valid UTF-8.
  if (IsSingleByte(charset) && utf8) {
    text = StripUtf8Bom(text);
    return;
  }
  std::string out;
  std::size_t errors = 0;
  if (!ConvertCharset(text, charset, out, errors)) {
    Note(problems, "unknown charset \"" + std::string(declared) + "\"");
    text = Guessed(text);
  } else if (errors > 0 && utf8) {
    text = StripUtf8Bom(text);
  } else {
    if (errors > 0) Note(problems, "text is not valid " + charset);
    text = std::move(out);
  }
}

std::string ToUtf8(std::string_view bytes, std::string_view declared,
                   std::vector<std::string>* problems) {
  std::string text(bytes);
  ToUtf8InPlace(text, declared, problems);
  return text;
}

}  // namespace hd::mail
