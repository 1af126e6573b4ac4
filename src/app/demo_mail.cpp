#include "app/demo_mail.hpp"

#include <string>

#include "mail/mime/gmime_codec.hpp"
#include "service/mail/intake.hpp"

namespace hd::app {

namespace {

// A 1×1 PNG, base64: the "screenshot".
constexpr const char* kPixel =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5Er"
    "kJggg==";

std::string FirstMail() {
  return std::string(
             "From: =?UTF-8?B?0J7Qu9GM0LPQsCDQodC80LjRgNC90L7QstCw?= <olga@shop.example>\r\n"
             "To: support@helpdesk.example\r\n"
             "Cc: Maxim <maxim@shop.example>\r\n"
             "Subject: "
             "=?UTF-8?B?0J7Qv9C70LDRgtCwINC60LDRgNGC0L7QuSDQvdC1INC/0YDQvtGF0L7QtNC40YI=?=\r\n"
             "Message-ID: <demo-olga-1@shop.example>\r\n"
             "Date: Mon, 12 Jan 2026 10:15:00 +0300\r\n"
             "MIME-Version: 1.0\r\n"
             "Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
             "--mix\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
             "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n"
             "Content-Transfer-Encoding: 8bit\r\n\r\n"
             "Здравствуйте!\r\n\r\nС утра покупатели не могут оплатить заказ картой: "
             "страница оплаты\r\nотвечает «Ошибка 502». Скриншот во вложении.\r\n\r\n"
             "-- \r\nОльга Смирнова, магазин «Шоп»\r\n"
             "--alt\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Transfer-Encoding: 8bit\r\n\r\n"
             "<p>Здравствуйте!</p><p>С утра покупатели не могут оплатить заказ картой: "
             "страница оплаты отвечает <b>«Ошибка 502»</b>. Скриншот во вложении.</p>"
             "<p>-- <br>Ольга Смирнова, магазин «Шоп»</p>\r\n"
             "--alt--\r\n"
             "--mix\r\nContent-Type: image/png; name=\"payment-502.png\"\r\n"
             "Content-Disposition: attachment; filename=\"payment-502.png\"\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n") +
         kPixel + "\r\n--mix--\r\n";
}

std::string Reply() {
  return "From: =?UTF-8?B?0J7Qu9GM0LPQsCDQodC80LjRgNC90L7QstCw?= <olga@shop.example>\r\n"
         "To: support@helpdesk.example\r\n"
         "Subject: Re: "
         "=?UTF-8?B?0J7Qv9C70LDRgtCwINC60LDRgNGC0L7QuSDQvdC1INC/0YDQvtGF0L7QtNC40YI=?=\r\n"
         "Message-ID: <demo-olga-2@shop.example>\r\n"
         "In-Reply-To: <demo-olga-1@shop.example>\r\n"
         "References: <demo-olga-1@shop.example>\r\n"
         "Date: Mon, 12 Jan 2026 10:40:00 +0300\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=koi8-r\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n"
         // "Дополню: ошибка только у карт «Мир»." in KOI8-R, then a quote.
         "\xe4\xcf\xd0\xcf\xcc\xce\xc0: \xcf\xdb\xc9\xc2\xcb\xc1 \xd4\xcf\xcc\xd8\xcb\xcf \xd5 "
         "\xcb\xc1\xd2\xd4 \"\xed\xc9\xd2\".\r\n\r\n"
         "12.01.2026 10:15, Olga Smirnova wrote:\r\n> Payment fails\r\n";
}

}  // namespace

Status SeedMailDemo(Runtime& runtime) {
  const mail::GMimeCodec codec;
  service::Services& s = *runtime.services;
  service::MailIntake intake(*runtime.store, *runtime.blobs, runtime.clock, codec, s.tickets,
                             s.conversation, s.options, service::MailOptions{});
  for (const std::string& raw : {FirstMail(), Reply()}) {
    HD_ASSIGN_OR_RETURN(auto outcome, intake.Ingest({"demo", "", raw, {"product", ""}}));
    static_cast<void>(outcome);
  }
  return Ok();
}

}  // namespace hd::app
