#include "service/mail/reply_address.hpp"

#include <sodium.h>

#include <cctype>
#include <charconv>

#include "service/crypto.hpp"

namespace hd::service {

namespace {

constexpr std::size_t kTagLength = 16;  // hex digits: 64 bits of the HMAC

std::string Tag(std::int64_t number, std::string_view recipient, std::string_view secret) {
  const std::string data = std::to_string(number) + "\n" + LowerAddress(recipient);
  return HmacSha256Hex(secret, data).substr(0, kTagLength);
}

struct Split {
  std::string_view local;
  std::string_view domain;
};

std::optional<Split> SplitAddress(std::string_view address) {
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return std::nullopt;
  return Split{address.substr(0, at), address.substr(at + 1)};
}

bool SameText(std::string_view a, std::string_view b) { return LowerAddress(a) == LowerAddress(b); }

}  // namespace

std::string LowerAddress(std::string_view address) {
  std::string out(address);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string SignedReplyAddress(std::string_view base, std::int64_t ticket_number,
                               std::string_view recipient, std::string_view secret) {
  const auto parts = SplitAddress(base);
  if (!parts) return std::string(base);
  return std::string(parts->local) + "+" + std::to_string(ticket_number) + "." +
         Tag(ticket_number, recipient, secret) + "@" + std::string(parts->domain);
}

std::optional<ReplyAddressMatch> ReadReplyAddress(std::string_view address, std::string_view base,
                                                  std::string_view sender,
                                                  std::string_view secret) {
  const auto ours = SplitAddress(base);
  const auto theirs = SplitAddress(address);
  if (!ours || !theirs || !SameText(ours->domain, theirs->domain)) return std::nullopt;
  const std::string_view local = theirs->local;
  if (local.size() <= ours->local.size() + 1 ||
      !SameText(local.substr(0, ours->local.size()), ours->local) ||
      local[ours->local.size()] != '+') {
    return std::nullopt;
  }
  const std::string_view rest = local.substr(ours->local.size() + 1);
  const auto dot = rest.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + dot, number);
  if (ec != std::errc{} || end != rest.data() + dot || number <= 0) return std::nullopt;
  const std::string expected = Tag(number, sender, secret);
  const std::string given = LowerAddress(rest.substr(dot + 1));
  const bool valid = given.size() == expected.size() &&
                     sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
  return ReplyAddressMatch{number, valid};
}

}  // namespace hd::service
