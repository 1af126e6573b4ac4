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

// The value of a whole group's symbols, each table shifted to its place in
// the group's 24 bits; a symbol outside the alphabet sets bit 24 or above.
constexpr std::array<std::uint32_t, 256> MakeGroupTable(int shift) {
  std::array<std::uint32_t, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) {
    t[c] = kBase64[c] < 64 ? std::uint32_t{kBase64[c]} << shift : 0xFF000000U;
  }
  return t;
}

constexpr std::array<std::uint32_t, 256> kGroup0 = MakeGroupTable(18);
constexpr std::array<std::uint32_t, 256> kGroup1 = MakeGroupTable(12);
constexpr std::array<std::uint32_t, 256> kGroup2 = MakeGroupTable(6);
constexpr std::array<std::uint32_t, 256> kGroup3 = MakeGroupTable(0);

}  // namespace

std::string DecodeBase64(std::string_view encoded, bool& clean) {
  std::string out(encoded.size() / 4 * 3 + 3, '\0');
  char* o = out.data();
  const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
  const auto* const end = p + encoded.size();
  std::uint32_t bits = 0;
  int count = 0;  // symbols of the current group read
  bool padded = false;
  clean = true;
  // Writes the bytes of a group cut short by padding or the end (2 or 3
  // symbols; 1 symbol carries no whole byte).
  const auto flush_partial = [&] {
    if (count == 1) clean = false;
    if (count == 2) *o++ = static_cast<char>(bits >> 4);
    if (count == 3) {
      *o++ = static_cast<char>(bits >> 10);
      *o++ = static_cast<char>(bits >> 2);
    }
    count = 0;
  };
  while (p < end) {
    if (count == 0 && !padded) {
      // The common case: whole groups in a row, up to the line break.
      while (end - p >= 4) {
        const std::uint32_t v = kGroup0[p[0]] | kGroup1[p[1]] | kGroup2[p[2]] | kGroup3[p[3]];
        if (v > 0xFFFFFF) break;
        o[0] = static_cast<char>(v >> 16);
        o[1] = static_cast<char>(v >> 8);
        o[2] = static_cast<char>(v);
        o += 3;
        p += 4;
      }
      if (p == end) break;
    }
    const std::uint8_t v = kBase64[*p++];
    if (v < 64) {
      if (padded) clean = false;  // a second stream glued on: read it too
      padded = false;
      bits = (bits << 6) | v;
      if (++count == 4) {
        *o++ = static_cast<char>(bits >> 16);
        *o++ = static_cast<char>(bits >> 8);
        *o++ = static_cast<char>(bits);
        count = 0;
      }
    } else if (v == kPad) {
      flush_partial();
      padded = true;
    } else if (v == kInvalid) {
      clean = false;
    }
  }
  flush_partial();
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

std::string DecodeQuotedPrintable(std::string_view encoded) {
  std::string out(encoded.size(), '\0');
  char* o = out.data();
  const char* p = encoded.data();
  const char* const end = p + encoded.size();
  while (p < end) {
    const char c = *p;
    if (c == '=') {
      if (end - p > 2) {
        const int high = Hex(p[1]), low = Hex(p[2]);
        if ((high | low) >= 0) {
          *o++ = static_cast<char>(high * 16 + low);
          p += 3;
          continue;
        }
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
