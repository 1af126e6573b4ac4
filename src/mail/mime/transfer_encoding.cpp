#include "mail/mime/transfer_encoding.hpp"

#include <array>
#include <cstdint>

namespace hd::mail {
namespace {

constexpr std::uint8_t kInvalid = 0xFF;
constexpr std::uint8_t kBlank = 0xFE;
constexpr std::uint8_t kPad = 0xFD;

constexpr std::array<std::uint8_t, 256> MakeBase64Table() {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = kInvalid;
  for (int i = 0; i < 26; ++i) {
    t[static_cast<std::size_t>('A' + i)] = static_cast<std::uint8_t>(i);
    t[static_cast<std::size_t>('a' + i)] = static_cast<std::uint8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i)
    t[static_cast<std::size_t>('0' + i)] = static_cast<std::uint8_t>(52 + i);
  t['+'] = 62;
  t['/'] = 63;
  t['='] = kPad;
  for (char c : {' ', '\t', '\r', '\n'}) t[static_cast<unsigned char>(c)] = kBlank;
  return t;
}

constexpr std::array<std::uint8_t, 256> kBase64 = MakeBase64Table();

constexpr std::array<std::int8_t, 256> MakeHexTable() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 10; ++i) t[static_cast<std::size_t>('0' + i)] = static_cast<std::int8_t>(i);
  for (int i = 0; i < 6; ++i) {
    t[static_cast<std::size_t>('A' + i)] = static_cast<std::int8_t>(10 + i);
    t[static_cast<std::size_t>('a' + i)] = static_cast<std::int8_t>(10 + i);
  }
  return t;
}

constexpr std::array<std::int8_t, 256> kHex = MakeHexTable();

int Hex(char c) { return kHex[static_cast<unsigned char>(c)]; }

// The state of a base64 decoder, one symbol at a time.
class Base64Reader {
 public:
  explicit Base64Reader(std::size_t encoded_size) : out_(encoded_size / 4 * 3 + 3, '\0') {}

  bool AtGroupStart() const { return count_ == 0 && !padded_; }

  void Group(std::uint32_t v) {
    out_[n_++] = static_cast<char>(v >> 16);
    out_[n_++] = static_cast<char>(v >> 8);
    out_[n_++] = static_cast<char>(v);
  }

  void Symbol(std::uint8_t v) {
    if (v < 64) {
      if (padded_) clean_ = false;  // a second stream glued on: read it too
      padded_ = false;
      bits_ = (bits_ << 6) | v;
      if (++count_ == 4) {
        Group(bits_);
        count_ = 0;
      }
    } else if (v == kPad) {
      FlushPartial();
      padded_ = true;
    } else if (v == kInvalid) {
      clean_ = false;
    }
  }

  std::string Finish(bool& clean) {
    FlushPartial();
    out_.resize(n_);
    clean = clean_;
    return std::move(out_);
  }

 private:
  // Writes the bytes of a group cut short (2 or 3 symbols).
  void FlushPartial() {
    if (count_ == 1) clean_ = false;
    if (count_ == 2) out_[n_++] = static_cast<char>(bits_ >> 4);
    if (count_ == 3) {
      out_[n_++] = static_cast<char>(bits_ >> 10);
      out_[n_++] = static_cast<char>(bits_ >> 2);
    }
    count_ = 0;
  }

  std::string out_;
  std::size_t n_ = 0;
  std::uint32_t bits_ = 0;
  int count_ = 0;
  bool padded_ = false;
  bool clean_ = true;
};

}  // namespace

std::string DecodeBase64(std::string_view encoded, bool& clean) {
  Base64Reader reader(encoded.size());
  const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
  const auto* const end = p + encoded.size();
  while (p < end) {
    // The common case first: the four symbols of a group in a row.
    if (reader.AtGroupStart() && end - p >= 4) {
      const std::uint32_t a = kBase64[p[0]], b = kBase64[p[1]], c = kBase64[p[2]],
                          d = kBase64[p[3]];
      if ((a | b | c | d) < 64) {
        reader.Group(a << 18 | b << 12 | c << 6 | d);
        p += 4;
        continue;
      }
    }
    reader.Symbol(kBase64[*p++]);
  }
  return reader.Finish(clean);
}

std::string DecodeQuotedPrintable(std::string_view encoded) {
  std::string out(encoded.size(), '\0');
  char* o = out.data();
  const char* p = encoded.data();
  const char* const end = p + encoded.size();
  while (p < end) {
    const char c = *p;
    if (c == '=') {
      const int high = end - p > 2 ? Hex(p[1]) : -1;
      const int low = high >= 0 ? Hex(p[2]) : -1;
      if (low >= 0) {
        *o++ = static_cast<char>(high * 16 + low);
        p += 3;
        continue;
      }
      const char* q = p + 1;  // a soft line break, maybe after blanks
      while (q < end && (*q == ' ' || *q == '\t')) ++q;
      if (q == end || *q == '\n' || (*q == '\r' && q + 1 < end && q[1] == '\n')) {
        p = q == end ? q : q + (*q == '\r' ? 2 : 1);
        continue;
      }
      *o++ = c;
      ++p;
    } else if (c == ' ' || c == '\t') {
      const char* q = p;
      while (q < end && (*q == ' ' || *q == '\t')) ++q;
      if (q != end && *q != '\n' && *q != '\r') {  // not padding before a line end
        while (p < q) *o++ = *p++;
      }
      p = q;
    } else {
      *o++ = c;
      ++p;
    }
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

}  // namespace hd::mail
