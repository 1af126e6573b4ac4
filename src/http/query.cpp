#include "http/query.hpp"

#include <boost/url/parse_query.hpp>
#include <charconv>

namespace hd::http {

namespace {
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kCursorPrefix = "c1:";

int DecodeChar(char c) {
  std::size_t pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}
}  // namespace

std::optional<std::string_view> QueryParams::Get(std::string_view name) const {
  for (const auto& [key, value] : values) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

Result<QueryParams> ParseQuery(std::string_view raw) {
  QueryParams out;
  if (raw.empty()) return out;
  auto parsed = boost::urls::parse_query(raw);
  if (!parsed) {
    return Error::InvalidArgument("the query string is malformed").WithReason("malformed-query");
  }
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (auto param : *parsed) {
    out.values.emplace_back(param.key.decode(opts),
                            param.has_value ? param.value.decode(opts) : std::string());
  }
  return out;
}

Result<std::int64_t> ParseIntParam(std::string_view text, std::string_view field, std::int64_t min,
                                   std::int64_t max) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    return Error::InvalidArgument(std::string(field) + " must be an integer from " +
                                      std::to_string(min) + " to " + std::to_string(max),
                                  std::string(field));
  }
  return value;
}

std::string EncodeCursor(std::int64_t last_id) {
  return Base64UrlEncode(std::string(kCursorPrefix) + std::to_string(last_id));
}

Result<std::int64_t> DecodeCursor(std::string_view cursor) {
  auto bad = Error::InvalidArgument("cursor is not one this server issued", "cursor");
  auto text = Base64UrlDecode(cursor);
  if (!text || text->compare(0, kCursorPrefix.size(), kCursorPrefix) != 0) return bad;
  auto id =
      ParseIntParam(std::string_view(*text).substr(kCursorPrefix.size()), "cursor", 1, INT64_MAX);
  if (!id.ok()) return bad;
  return *id;
}

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 0x3F]);
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = DecodeChar(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  // Leftover bits must be zero, so each text has exactly one decoding.
  if ((acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

}  // namespace hd::http
