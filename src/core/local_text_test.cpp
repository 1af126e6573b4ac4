#include "core/local_text.hpp"

#include <gtest/gtest.h>

namespace hd::core {
namespace {

TEST(LocalText, ReadsTheReadersLanguageThenEnglishThenTheFirstWritten) {
  LocalText label;
  label.Set("ru", "Новый");
  label.Set("en", "New");
  EXPECT_EQ(label.In("ru"), "Новый");
  EXPECT_EQ(label.In("en"), "New");
  EXPECT_EQ(label.In("de"), "New");
  LocalText russian_only;
  russian_only.Set("ru", "Новый");
  EXPECT_EQ(russian_only.In("en"), "Новый");
  EXPECT_EQ(LocalText().In("ru"), "");
}

TEST(LocalText, ATextWithoutALanguageServesEveryLanguage) {
  const LocalText plain = "New";
  EXPECT_EQ(plain.In("ru"), "New");
  EXPECT_EQ(plain.Default(), "New");
  LocalText both = "New";
  both.Set("ru", "Новый");
  EXPECT_EQ(both.In("ru"), "Новый");
  EXPECT_EQ(both.In("en"), "New");
  both.Set("ru", "Новая");
  EXPECT_EQ(both.all().size(), 2u);
  EXPECT_EQ(both.In("ru"), "Новая");
}

TEST(LocalText, AStoredTextReadsBackTheSame) {
  LocalText both;
  both.Set("en", "Client, VIP support");
  both.Set("ru", "Клиент, VIP-поддержка");
  const LocalText back = LocalText::FromStored(both.Stored());
  EXPECT_EQ(back, both);
  EXPECT_EQ(back.In("ru"), "Клиент, VIP-поддержка");
  EXPECT_EQ(LocalText::FromStored(LocalText("Plain, as before").Stored()),
            LocalText("Plain, as before"));
  EXPECT_EQ(LocalText("Plain").Stored(), "Plain");  // rows written earlier read the same
  EXPECT_TRUE(LocalText::FromStored("").empty());
  LocalText with_empty;
  with_empty.Set("en", "");
  with_empty.Set("ru", "Пусто");
  EXPECT_EQ(LocalText::FromStored(with_empty.Stored()), with_empty);
}

TEST(LocalText, MarksInsideATextNeverSplitIt) {
  EXPECT_EQ(LocalText::FromStored(LocalText("\x1E"
                                            "en\x1F"
                                            "trick")
                                      .Stored())
                .In("ru"),
            " en\x1F"
            "trick");
  const LocalText both = EnglishAndRussian(
      "a\x1E"
      "ru\x1F"
      "b",
      "в");
  const LocalText back = LocalText::FromStored(both.Stored());
  EXPECT_EQ(back.In("en"), "a ru b");
  EXPECT_EQ(back.In("ru"), "в");
}

TEST(LocalText, ADamagedStoredTextStillReadsAsText) {
  const LocalText damaged = LocalText::FromStored("\x1Eno marks here");
  EXPECT_EQ(damaged.In("ru"), "no marks here");
}

TEST(LocalText, ControlCharactersAreFoundButLineBreaksAndTabsAreText) {
  EXPECT_FALSE(HasControlCharacters("two\nlines\tand a tab\r\n"));
  EXPECT_TRUE(
      HasControlCharacters("a\x1E"
                           "b"));
  EXPECT_TRUE(HasControlCharacters(std::string_view("nul\0", 4)));
  EXPECT_TRUE(HasControlCharacters("del\x7F"));
  EXPECT_FALSE(HasControlCharacters("Лицензии"));
}

TEST(PreferredLanguage, TakesTheBestKnownLanguageOfAcceptLanguage) {
  EXPECT_EQ(PreferredLanguage("", "ru"), "ru");
  EXPECT_EQ(PreferredLanguage("en-US,en;q=0.9", "ru"), "en");
  EXPECT_EQ(PreferredLanguage("de-DE, ru;q=0.5, en;q=0.4", "en"), "ru");
  EXPECT_EQ(PreferredLanguage("fr, de", "ru"), "ru");
  EXPECT_EQ(PreferredLanguage("RU-ru", "en"), "ru");
  EXPECT_EQ(PreferredLanguage("en;q=0, ru;q=0.1", "en"), "ru");
  EXPECT_EQ(PreferredLanguage("en;q=0", "ru"), "ru");
  EXPECT_EQ(PreferredLanguage("*", "en"), "en");
  EXPECT_EQ(PreferredLanguage("en;q=bogus, ru", "en"), "ru");
}

}  // namespace
}  // namespace hd::core
