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
