#include "service/templates.hpp"

#include <gtest/gtest.h>

namespace hd::service {
namespace {

TemplateSet Replies(std::string default_language) {
  return TemplateSet({{"off_topic", "#{{ticket.number}} is off topic."},
                      {"ru/off_topic", "Обращение № {{ticket.number}} не по теме."},
                      {"faq_answer", "See {{ fields.faq_article }}."}},
                     std::move(default_language));
}

TEST(TemplateSet, RendersInTheReadersLanguageElseTheTextForEveryone) {
  const TemplateSet set = Replies("en");
  const TemplateVars vars{{"ticket.number", "42"}, {"fields.faq_article", "FAQ 7"}};
  EXPECT_EQ(set.RenderIn("ru", "off_topic", vars).value(), "Обращение № 42 не по теме.");
  EXPECT_EQ(set.RenderIn("en", "off_topic", vars).value(), "#42 is off topic.");
  // No Russian text of this one: everyone reads the one there is.
  EXPECT_EQ(set.RenderIn("ru", "faq_answer", vars).value(), "See FAQ 7.");
  EXPECT_EQ(set.RenderIn("ru", "missing", vars).error().code, ErrorCode::kInternal);
}

TEST(TemplateSet, AReaderWithoutALanguageReadsTheInstallationsDefault) {
  const TemplateVars vars{{"ticket.number", "7"}};
  EXPECT_EQ(Replies("ru").RenderIn("", "off_topic", vars).value(), "Обращение № 7 не по теме.");
  EXPECT_EQ(Replies("en").RenderIn("", "off_topic", vars).value(), "#7 is off topic.");
}

TEST(TemplateSet, ListsTheTemplatesOnceWhateverTheirLanguages) {
  EXPECT_EQ(Replies("ru").Ids(), (std::vector<std::string>{"faq_answer", "off_topic"}));
}

TEST(TemplateSet, ReplyVarsNameTheTicketItsFieldsAndTheAuthor) {
  core::Ticket ticket;
  ticket.number = 1042;
  ticket.subject = "Printer";
  core::User author;
  author.email = "anna@example.com";
  const TemplateVars vars = ReplyVars(ticket, {{"resolution", "Replaced the cable"}}, author);
  EXPECT_EQ(FillPlaceholders("#{{ticket.number}} {{ticket.subject}}: {{fields.resolution}} "
                             "({{actor.name}}){{fields.unknown}}",
                             vars),
            "#1042 Printer: Replaced the cable (anna@example.com)");
  author.name = "Anna";
  EXPECT_EQ(ReplyVars(ticket, {}, author).at("actor.name"), "Anna");
}

TEST(TemplateSet, ATemplateWrittenInOneLanguageIsReadInItByEveryone) {
  const TemplateSet set({{"ru/only_ru", "Только по-русски."}}, "en");
  EXPECT_EQ(set.RenderIn("en", "only_ru", {}).value(), "Только по-русски.");
  EXPECT_EQ(set.Ids(), (std::vector<std::string>{"only_ru"}));
}

TEST(TemplateSet, EditedTextsReplaceTheFilesTextsByKey) {
  const TemplateSet edited = Replies("en").With({{"off_topic", "Not ours: #{{ticket.number}}."}});
  const TemplateVars vars{{"ticket.number", "5"}};
  EXPECT_EQ(edited.RenderIn("en", "off_topic", vars).value(), "Not ours: #5.");
  EXPECT_EQ(edited.RenderIn("ru", "off_topic", vars).value(), "Обращение № 5 не по теме.");
  EXPECT_EQ(Replies("en").RenderIn("en", "off_topic", vars).value(), "#5 is off topic.");
}

TEST(TemplateSet, ANewTemplateOfTheEditsIsListedBesideTheFilesOnes) {
  const TemplateSet edited = Replies("en").With({{"ru/thanks", "Спасибо!"}});
  EXPECT_EQ(edited.Ids(), (std::vector<std::string>{"faq_answer", "off_topic", "thanks"}));
  EXPECT_EQ(edited.RenderIn("en", "thanks", {}).value(), "Спасибо!");
  EXPECT_FALSE(Replies("en").Has("ru/thanks"));
}

TEST(TemplateKeys, EnglishRepliesAreTheTextForEveryoneAndMailKeysNameTheLanguageFolder) {
  EXPECT_EQ(ReplyKeys("faq_answer", "en"),
            (std::vector<std::string>{"faq_answer", "en/faq_answer"}));
  EXPECT_EQ(ReplyKeys("faq_answer", "ru"), (std::vector<std::string>{"ru/faq_answer"}));
  EXPECT_EQ(MailKey("mail.reply.subject", "ru"), "ru/reply.subject");
  EXPECT_EQ(MailKey("faq_answer", "ru"), "");
}

TEST(Placeholders, AreListedInOrderAndAnUnclosedOneIsRefusedWithItsLine) {
  EXPECT_EQ(PlaceholdersIn("#{{ ticket.number }}: {{fields.x}}{{}}", "text").value(),
            (std::vector<std::string>{"ticket.number", "fields.x", ""}));
  auto unclosed = PlaceholdersIn("Hello\n{{actor.name\n{{ticket.number}}", "text");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().field, "text");
  EXPECT_NE(unclosed.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(PlaceholdersIn("{{x", "text").ok());
}

TEST(Placeholders, AnUnclosedOneIsFilledAsWrittenAndThoseAfterItStillAre) {
  const TemplateVars vars{{"ticket.number", "7"}};
  EXPECT_EQ(FillPlaceholders("a {{ b {{ticket.number}} c", vars), "a {{ b 7 c");
  EXPECT_EQ(FillPlaceholders("#{{ticket.number}} {{tail", vars), "#7 {{tail");
}

}  // namespace
}  // namespace hd::service
