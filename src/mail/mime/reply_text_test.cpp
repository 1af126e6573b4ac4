// ExtractReply on replies as the mail clients of our customers write them.
// The cases are written for this project from what each client sends.
#include "mail/mime/reply_text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/mail.hpp"

namespace hd::mail {
namespace {

const std::string kMarker(core::kReplyAboveMarker);

TEST(ExtractReply, GmailTopPosting) {
  EXPECT_EQ(ExtractReply("Thanks, it works now.\n"
                         "\n"
                         "On Mon, 12 Jan 2026 at 10:15, Support <support@helpdesk.example> wrote:\n"
                         "\n"
                         "> Hello Anna,\n"
                         ">\n"
                         "> please restart the router.\n"),
            "Thanks, it works now.");
}

TEST(ExtractReply, GmailAttributionWrappedOntoTwoLines) {
  EXPECT_EQ(ExtractReply("Спасибо, заработало.\r\n"
                         "\r\n"
                         "On Mon, 12 Jan 2026 at 10:15, Служба поддержки Helpdesk <\r\n"
                         "support@helpdesk.example> wrote:\r\n"
                         "\r\n"
                         "> Здравствуйте!\r\n"),
            "Спасибо, заработало.");
}

TEST(ExtractReply, GmailInRussian) {
  EXPECT_EQ(ExtractReply("Добрый день, счёт оплачен.\n\n"
                         "пн, 12 янв. 2026 г. в 10:15, Support <support@helpdesk.example>:\n\n"
                         "> Выставлен счёт №5.\n"),
            "Добрый день, счёт оплачен.");
}

TEST(ExtractReply, OutlookOriginalMessageSeparator) {
  EXPECT_EQ(ExtractReply("Please call me back.\n"
                         "\n"
                         "-----Original Message-----\n"
                         "From: Support [mailto:support@helpdesk.example]\n"
                         "Sent: Monday, January 12, 2026 10:15 AM\n"
                         "To: Ivan Petrov\n"
                         "Subject: [#1042] Printer\n"
                         "\n"
                         "Hello Ivan,\n"),
            "Please call me back.");
}

TEST(ExtractReply, OutlookHeaderBlockUnderARule) {
  EXPECT_EQ(ExtractReply("Yes, today after 15:00 is fine.\n"
                         "\n"
                         "Ivan Petrov\n"
                         "Acme Ltd.\n"
                         "\n"
                         "________________________________\n"
                         "From: Support <support@helpdesk.example>\n"
                         "Sent: Monday, January 12, 2026 10:15\n"
                         "To: Ivan Petrov <ivan@acme.example>\n"
                         "Subject: [#1042] Printer\n"
                         "\n"
                         "When can our engineer come?\n"),
            "Yes, today after 15:00 is fine.\n\nIvan Petrov\nAcme Ltd.");
}

TEST(ExtractReply, RussianOutlookHeaderBlock) {
  EXPECT_EQ(ExtractReply("Да, можно сегодня.\n"
                         "\n"
                         "От: Служба поддержки <support@helpdesk.example>\n"
                         "Отправлено: 12 января 2026 г. 10:15\n"
                         "Кому: Иван Петров <ivan@acme.example>\n"
                         "Тема: [#1042] Принтер\n"
                         "\n"
                         "Когда удобно принять инженера?\n"),
            "Да, можно сегодня.");
}

TEST(ExtractReply, OutlookBoldFieldsFromHtml) {
  EXPECT_EQ(ExtractReply("Done.\n\n*From:* Support <support@helpdesk.example>\n"
                         "*Sent:* Monday, January 12, 2026 10:15 AM\n*To:* Ivan\n"
                         "*Subject:* [#7] Access\n\nPlease confirm.\n"),
            "Done.");
}

TEST(ExtractReply, AppleMail) {
  EXPECT_EQ(ExtractReply("Fixed, thank you!\n"
                         "\n"
                         "Sent from my iPhone\n"
                         "\n"
                         "> On 12 Jan 2026, at 10:15, Support <support@helpdesk.example> wrote:\n"
                         "> \n"
                         "> Hello,\n"),
            "Fixed, thank you!");
  EXPECT_EQ(ExtractReply("Fixed.\n\nOn 12 Jan 2026, at 10:15, Support <support@helpdesk.example> "
                         "wrote:\n\n> Hello,\n"),
            "Fixed.");
}

TEST(ExtractReply, Thunderbird) {
  EXPECT_EQ(ExtractReply("Логи во вложении.\n"
                         "\n"
                         "12.01.2026 10:15, Support пишет:\n"
                         "> Пришлите, пожалуйста, логи.\n"),
            "Логи во вложении.");
  EXPECT_EQ(ExtractReply("Attached.\n\nOn 1/12/26 10:15 AM, Support wrote:\n> Send the logs.\n"),
            "Attached.");
}

TEST(ExtractReply, YandexMail) {
  EXPECT_EQ(ExtractReply("Пароль сменил, спасибо.\n"
                         "\n"
                         "12.01.2026, 10:15, \"Support\" <support@helpdesk.example>:\n"
                         "\n"
                         "> Смените пароль по ссылке.\n"),
            "Пароль сменил, спасибо.");
}

TEST(ExtractReply, MailRu) {
  EXPECT_EQ(ExtractReply("Всё получилось.\n"
                         "\n"
                         "\n"
                         "Понедельник, 12 января 2026, 10:15 +03:00 от Support "
                         "<support@helpdesk.example>:\n"
                         "\n"
                         "Здравствуйте! Попробуйте ещё раз.\n"),
            "Всё получилось.");
}

TEST(ExtractReply, RussianAndEnglishOriginalMessageSeparators) {
  EXPECT_EQ(ExtractReply("Ок.\n\n-------- Исходное сообщение --------\nОт: Support\nТема: тест\n"),
            "Ок.");
  EXPECT_EQ(ExtractReply("OK.\n\n-------- Original Message --------\nSubject: test\n"), "OK.");
  EXPECT_EQ(ExtractReply("OK.\n\n----- Original Message -----\nFrom: x\n"), "OK.");
}

TEST(ExtractReply, ForwardedMessageIsContent) {
  const std::string text =
      "See the error below.\n\n-------- Пересылаемое сообщение --------\nОт: monitor@acme.example\n"
      "Disk full on srv1\n";
  EXPECT_EQ(ExtractReply(text),
            "See the error below.\n\n-------- Пересылаемое сообщение --------\n"
            "От: monitor@acme.example\nDisk full on srv1");
}

TEST(ExtractReply, CutsAtOurMarkerAndTheAttributionAboveIt) {
  EXPECT_EQ(
      ExtractReply("Принтер снова печатает.\n\nSupport <support@helpdesk.example> написал:\n" +
                   kMarker + "\nВаша заявка №1042 принята.\n"),
      "Принтер снова печатает.");
  EXPECT_EQ(ExtractReply("It prints again.\n" + kMarker + "\nYour ticket #1042 is open.\n"),
            "It prints again.");
  EXPECT_EQ(ExtractReply("It prints again.\n\nSupport wrote:\n\n" + kMarker + "\nText\n"),
            "It prints again.");
}

TEST(ExtractReply, BottomPostedReplyBelowTheQuoteIsKept) {
  const std::string text =
      "On Mon, 12 Jan 2026 at 10:15, Support <support@helpdesk.example> wrote:\n"
      "> Which version do you use?\n"
      "\n"
      "Version 4.2 on Windows 11.\n";
  EXPECT_EQ(ExtractReply(text),
            "On Mon, 12 Jan 2026 at 10:15, Support <support@helpdesk.example> "
            "wrote:\n> Which version do you use?\n\nVersion 4.2 on Windows 11.");
}

TEST(ExtractReply, InlineAnswersKeepTheirQuotesAndLoseTheTrailingOnes) {
  EXPECT_EQ(
      ExtractReply("> Which version?\n4.2\n\n> Which OS?\nWindows 11\n\n> Thanks,\n> Support\n"),
      "> Which version?\n4.2\n\n> Which OS?\nWindows 11");
}

TEST(ExtractReply, TrailingQuoteBlockWithoutAttribution) {
  EXPECT_EQ(ExtractReply("Yes, please.\n\n> Shall we close the ticket?\n>\n> Support\n\n"),
            "Yes, please.");
}

TEST(ExtractReply, QuotedAttributionIsNotACutOfItsOwn) {
  EXPECT_EQ(
      ExtractReply("> On Mon, 12 Jan 2026 at 10:15, Support wrote:\n> > Hi\n> ok\n\nMy answer\n"),
      "> On Mon, 12 Jan 2026 at 10:15, Support wrote:\n> > Hi\n> ok\n\nMy answer");
}

TEST(ExtractReply, DashDashSpaceSignature) {
  EXPECT_EQ(ExtractReply("Please call me.\n\n-- \nIvan Petrov\nAcme Ltd.\n+7 999 123-45-67\n"),
            "Please call me.");
  EXPECT_EQ(ExtractReply("Please call me.\r\n-- \r\nIvan\r\n"), "Please call me.");
}

TEST(ExtractReply, DashDashWithoutSpaceOnlyBeforeAShortBlockAtTheEnd) {
  EXPECT_EQ(ExtractReply("Please call me.\n--\nIvan Petrov\nAcme Ltd.\n"), "Please call me.");
  std::string long_tail = "Steps:\n--\n";
  for (int i = 1; i <= 8; ++i) long_tail += "step " + std::to_string(i) + "\n";
  EXPECT_EQ(ExtractReply(long_tail), long_tail.substr(0, long_tail.size() - 1));
}

TEST(ExtractReply, SignatureBeforeTheQuotedHistory) {
  EXPECT_EQ(ExtractReply("Works.\n--\nIvan\n+7 999 123-45-67\n\n"
                         "On Mon, 12 Jan 2026 at 10:15, Support <support@helpdesk.example> wrote:\n"
                         "> Hello\n"),
            "Works.");
}

TEST(ExtractReply, MobileSignatures) {
  for (const char* signature :
       {"Sent from my iPhone", "Отправлено с iPhone", "Отправлено из мобильной Почты Mail.ru",
        "Get Outlook for Android", "Get Outlook for Android<https://aka.ms/ghei36>",
        "Sent from my Galaxy"}) {
    EXPECT_EQ(ExtractReply(std::string("Перезагрузил, работает.\n\n") + signature + "\n"),
              "Перезагрузил, работает.")
        << signature;
  }
}

TEST(ExtractReply, MobileSignatureWordsInsideTheTextStay) {
  const std::string text = "Sent from my iPhone the logs yesterday.\nDid you get them?";
  EXPECT_EQ(ExtractReply(text), text);
}

TEST(ExtractReply, ReturnsTheWholeTextWhenCuttingLeavesNothing) {
  EXPECT_EQ(ExtractReply("\n> only a quote\n> nothing else\n"), "> only a quote\n> nothing else");
  EXPECT_EQ(ExtractReply(kMarker + "\nText\n"), kMarker + "\nText");
  EXPECT_EQ(ExtractReply("-- \nIvan\n"), "-- \nIvan");
  EXPECT_EQ(ExtractReply(""), "");
  EXPECT_EQ(ExtractReply("\n\n  \n"), "");
}

TEST(ExtractReply, SignatureOnlyReplyFallsBackToTheTextAboveTheHistory) {
  EXPECT_EQ(ExtractReply("-- \nIvan\n\nOn Mon, 12 Jan 2026 at 10:15, Support wrote:\n> Hi\n"),
            "-- \nIvan");
}

TEST(ExtractReply, TrimsBlankLinesAroundTheReply) {
  EXPECT_EQ(ExtractReply("\n\n  Hello\n\nworld  \n\n\n"), "  Hello\n\nworld");
}

TEST(ExtractReply, TextWithoutHistoryIsKept) {
  const std::string text =
      "Здравствуйте!\n\nНе работает печать: ошибка 0x80070005.\nС 10:15 до 12:00 пробовали "
      "перезагрузку.\n\nС уважением,\nИван";
  EXPECT_EQ(ExtractReply(text), text);
}

TEST(ExtractReply, CutsTheTrailingQuoteOfAHugeText) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "12:00 line " + std::to_string(i) + " -\n";
  for (int i = 0; i < 25000; ++i) text += "\n";
  for (int i = 0; i < 25000; ++i) text += "> q\n";
  const std::string reply = ExtractReply(text);
  EXPECT_EQ(reply.substr(reply.size() - 12), "line 49999 -");
}

}  // namespace
}  // namespace hd::mail
