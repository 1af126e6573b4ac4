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

}  // namespace
}  // namespace hd::service
