// Benchmarks of the inbound MIME parser (docs/benchmarks.md, "Mail
// parsing"): ParseMessage on messages shaped like a support mailbox's mail,
// 5-50 KB each. items/s is messages parsed per second on one core.
#include <benchmark/benchmark.h>

#include <gmime/gmime.h>

#include <string>

#include "mail/mime/parser.hpp"

namespace hd::mail {
namespace {

// Which headers a generated message carries: all a message has after
// crossing two MTAs, or only those that shape its structure (what
// ParseMessage hands GMime).
enum class HeaderSet { kFull, kStructure };

std::string Headers(std::string_view content_type, std::string_view subject,
                    HeaderSet set = HeaderSet::kFull) {
  if (set == HeaderSet::kStructure) {
    return "MIME-Version: 1.0\r\nContent-Type: " + std::string(content_type) + "\r\n";
  }
  std::string h =
      "Return-Path: <anna.petrova@romashka.example>\r\n"
      "Delivered-To: support@helpdesk.example\r\n"
      "Received: from mx1.romashka.example (mx1.romashka.example [192.0.2.10])\r\n"
      "\tby mx.helpdesk.example (Postfix) with ESMTPS id 4F2A1C0042\r\n"
      "\tfor <support@helpdesk.example>; Mon, 12 Jan 2026 10:15:02 +0300 (MSK)\r\n"
      "Received: from [10.0.0.15] (unknown [198.51.100.7])\r\n"
      "\tby mx1.romashka.example (Postfix) with ESMTPSA id 1B2C3D4E5F\r\n"
      "\tfor <support@helpdesk.example>; Mon, 12 Jan 2026 10:15:00 +0300 (MSK)\r\n"
      "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=romashka.example; s=mail;\r\n"
      "\tt=1768202100; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
      "\th=From:To:Subject:Date:Message-ID;\r\n"
      "\tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZSBidXQgaXQgaGFzIHRoZSBzaXplIG9mIG9uZQ==\r\n"
      "From: =?utf-8?B?0JDQvdC90LAg0J/QtdGC0YDQvtCy0LA=?= <anna.petrova@romashka.example>\r\n"
      "To: Support <support@helpdesk.example>\r\n"
      "Cc: \"Ivanov, Petr\" <p.ivanov@romashka.example>\r\n"
      "Date: Mon, 12 Jan 2026 10:15:00 +0300\r\n"
      "Message-ID: <4f2a1c0042.1768202100@romashka.example>\r\n"
      "In-Reply-To: <ack-1150.1@helpdesk.example>\r\n"
      "References: <ack-1150.1@helpdesk.example>\r\n"
      "MIME-Version: 1.0\r\n";
  h.append("Subject: ").append(subject).append("\r\n");
  h.append("Content-Type: ").append(content_type).append("\r\n");
  return h;
}

// Support-mail prose, UTF-8, about `bytes` long, CRLF lines under 76.
std::string RussianText(std::size_t bytes) {
  static constexpr std::string_view kLines[] = {
      "Здравствуйте! После обновления не работает вход в личный кабинет.",
      "Ошибка появляется сразу после ввода пароля, скриншот во вложении.",
      "Проверяли в двух браузерах, очищали кэш, результат тот же.",
      "Просим проверить срочно: у нас закрытие месяца в пятницу.",
      "Номер договора 2025/117, контактный телефон +7 495 000-00-00.",
  };
  std::string out;
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    out.append(kLines[i % std::size(kLines)]).append("\r\n");
  }
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '\r') continue;
    if (ch == '\n') {
      out += "\r\n";
      column = 0;
      continue;
    }
    std::string piece = (c >= 0x80 || ch == '=') ? std::string{'=', kHex[c >> 4], kHex[c & 15]}
                                                 : std::string(1, ch);
    if (column + piece.size() > 75) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
    if ((i / 3 + 1) % 19 == 0) out += "\r\n";
  }
  return out + "\r\n";
}

const std::string kSubject = "=?utf-8?B?0J3QtSDRgNCw0LHQvtGC0LDQtdGCINCy0YXQvtC0?=";

// ~8 KB text/plain, UTF-8, 8bit.
std::string PlainMessage(HeaderSet set = HeaderSet::kFull) {
  return Headers("text/plain; charset=utf-8", kSubject, set) +
         "Content-Transfer-Encoding: 8bit\r\n\r\n" + RussianText(8000);
}

// ~25 KB multipart/alternative: the text quoted-printable and the same
// text as Outlook-style HTML.
std::string AlternativeMessage(HeaderSet set = HeaderSet::kFull) {
  const std::string text = RussianText(5000);
  std::string html =
      "<html><head><meta charset=\"utf-8\"><style>p.MsoNormal{margin:0cm}</style></head>"
      "<body><div class=\"WordSection1\">\r\n";
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    html += "<p class=\"MsoNormal\"><span style=\"font-size:11.0pt\">" +
            text.substr(start, end - start) + "</span></p>\r\n";
    start = end + 2;
  }
  html += "</div></body></html>\r\n";
  return Headers("multipart/alternative; boundary=\"=_alt_4F2A\"", kSubject, set) +
         "\r\n--=_alt_4F2A\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
         QuotedPrintable(text) +
         "\r\n--=_alt_4F2A\r\nContent-Type: text/html; charset=utf-8\r\n"
         "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
         QuotedPrintable(html) + "\r\n--=_alt_4F2A--\r\n";
}

// ~45 KB multipart/mixed: a short text and a 30 KB PDF in base64.
std::string AttachmentMessage(HeaderSet set = HeaderSet::kFull) {
  std::string pdf = "%PDF-1.4\n";
  for (unsigned i = 0; pdf.size() < 30000; ++i) pdf += static_cast<char>((i * 131u + 7u) & 0xFF);
  return Headers("multipart/mixed; boundary=\"=_mix_4F2A\"", kSubject, set) +
         "\r\n--=_mix_4F2A\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
         RussianText(1500) +
         "\r\n--=_mix_4F2A\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\n"
         "Content-Disposition: attachment; filename=\"scan.pdf\"\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         Base64(pdf) + "--=_mix_4F2A--\r\n";
}

// ~5 KB text/plain in Windows-1251 (4.5 K characters), subject in cp1251 Q.
std::string Cp1251Message(HeaderSet set = HeaderSet::kFull) {
  static constexpr std::string_view kLine =
      "\xC7\xE4\xF0\xE0\xE2\xF1\xF2\xE2\xF3\xE9\xF2\xE5! \xCD\xE5 \xF0\xE0\xE1\xEE\xF2\xE0\xE5\xF2 "
      "\xE2\xF5\xEE\xE4 \xE2 \xEB\xE8\xF7\xED\xFB\xE9 \xEA\xE0\xE1\xE8\xED\xE5\xF2.\r\n";
  std::string body;
  while (body.size() < 5000) body += kLine;
  return Headers("text/plain; charset=windows-1251",
                 "=?windows-1251?Q?=CD=E5_=F0=E0=E1=EE=F2=E0=E5=F2_=E2=F5=EE=E4?=", set) +
         "Content-Transfer-Encoding: 8bit\r\n\r\n" + body;
}

void Run(benchmark::State& state, const std::string& message) {
  for (auto _ : state) {
    auto mail = ParseMessage(message);
    benchmark::DoNotOptimize(mail);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(message.size()));
  state.counters["message_bytes"] = static_cast<double>(message.size());
}

void BM_ParsePlain(benchmark::State& state) { Run(state, PlainMessage()); }
void BM_ParseAlternative(benchmark::State& state) { Run(state, AlternativeMessage()); }
void BM_ParseAttachment30K(benchmark::State& state) { Run(state, AttachmentMessage()); }
void BM_ParseCp1251(benchmark::State& state) { Run(state, Cp1251Message()); }

// GMime alone: the part tree ParseMessage asks GMime for, built and freed.
// The floor under ParseMessage, whatever the code around GMime does.
void Tree(benchmark::State& state, const std::string& message) {
  g_mime_init();
  for (auto _ : state) {
    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(message.data(), message.size());
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    GMimeObject* top = g_mime_parser_construct_part(parser, nullptr);
    benchmark::DoNotOptimize(top);
    g_object_unref(top);
    g_object_unref(parser);
    g_object_unref(stream);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_GMimeTreePlain(benchmark::State& state) {
  Tree(state, PlainMessage(HeaderSet::kStructure));
}
void BM_GMimeTreeAlternative(benchmark::State& state) {
  Tree(state, AlternativeMessage(HeaderSet::kStructure));
}
void BM_GMimeTreeAttachment30K(benchmark::State& state) {
  Tree(state, AttachmentMessage(HeaderSet::kStructure));
}

BENCHMARK(BM_ParsePlain);
BENCHMARK(BM_ParseAlternative);
BENCHMARK(BM_ParseAttachment30K);
BENCHMARK(BM_ParseCp1251);
BENCHMARK(BM_GMimeTreePlain);
BENCHMARK(BM_GMimeTreeAlternative);
BENCHMARK(BM_GMimeTreeAttachment30K);

}  // namespace
}  // namespace hd::mail

BENCHMARK_MAIN();
