#include "service/coupons.hpp"

#include "service/crypto.hpp"

namespace hd::service {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // 32 symbols
constexpr int kAttempts = 5;

int SymbolValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '-' ? 62 : 63;
}

}  // namespace

std::string NewCouponCode() {
  // RandomToken's base64url symbols are uniform over 64 values, so each
  // taken modulo 32 is uniform over the alphabet.
  const std::string random = RandomToken(12);
  std::string code = "SR";
  for (std::size_t i = 0; i < 12; ++i) {
    if (i % 4 == 0) code += '-';
    code += kAlphabet[static_cast<std::size_t>(SymbolValue(random[i]) % 32)];
  }
  return code;
}

Result<core::Coupon> IssueCoupon(core::ports::Tx& tx, const CouponGrant& g, core::Timestamp now) {
  core::Coupon coupon;
  coupon.user_id = g.user_id;
  coupon.company_id = g.company_id;
  coupon.licence_id = g.licence_id;
  coupon.origin = g.origin;
  coupon.issued_by = g.issued_by;
  coupon.issued_at = now;
  coupon.expires_at = g.expires_at;
  for (int attempt = 1;; ++attempt) {
    coupon.code = NewCouponCode();
    auto stored = tx.Coupons().Insert(coupon);
    if (stored.ok()) {
      coupon = std::move(stored).value();
      break;
    }
    if (stored.error().code != ErrorCode::kConflict || attempt == kAttempts) {
      return std::move(stored).error();
    }
  }
  core::ports::Notification note;
  note.kind = "coupon_issued";
  note.user_id = g.user_id;
  note.audience = g.user_id ? "user:" + std::to_string(g.user_id->value)
                            : "company:" + std::to_string(g.company_id->value);
  const std::string until = core::FormatIso8601(coupon.expires_at);
  note.subject = core::EnglishAndRussian("Your special-request coupon " + coupon.code,
                                         "Ваш купон на спецобращение " + coupon.code)
                     .Stored();
  note.body =
      core::EnglishAndRussian(
          "Hello,\n\n" + g.why.In("en") + ". Here is your special-request coupon: " + coupon.code +
              "\n\nEnter it at the last step of a new ticket to have it answered within one "
              "hour, around the clock. It can be used once, until " +
              until + ".\n",
          "Здравствуйте!\n\n" + g.why.In("ru") + ". Ваш купон на спецобращение: " + coupon.code +
              "\n\nУкажите его на последнем шаге нового обращения, и мы ответим в течение часа, "
              "круглосуточно. Купон можно использовать один раз, до " +
              until + ".\n")
          .Stored();
  note.created_at = now;
  HD_RETURN_IF_ERROR(tx.Notifications().Queue(std::move(note)));
  if (g.origin == core::CouponOrigin::kAdmin) {
    const std::string holder = g.user_id ? "user:" + std::to_string(g.user_id->value)
                                         : "company:" + std::to_string(g.company_id->value);
    HD_RETURN_IF_ERROR(
        tx.Audit().Record({0, g.issued_by, "coupon.issue", holder, "coupon " + coupon.code, now}));
  }
  return coupon;
}

}  // namespace hd::service
