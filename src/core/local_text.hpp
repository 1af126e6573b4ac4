// LocalText: a text for people, written in one or more languages ("en",
// "ru"), such as a process state's label or a level's title. Read with
// In(language): that language, else English, else the first one written;
// a text written once without a language serves every language. A plain
// value; cheap to copy for the short texts it holds.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hd::core {

class LocalText {
 public:
  LocalText() = default;
  // One text for every language.
  LocalText(std::string text) { Set("", std::move(text)); }      // NOLINT: implicit by design
  LocalText(const char* text) : LocalText(std::string(text)) {}  // NOLINT

  // Sets the text in `language` ("" for every language), replacing any.
  void Set(std::string language, std::string text);

  // The text for a reader of `language`; "" when there is none at all.
  const std::string& In(std::string_view language) const;
  // The text in English, else the first written: for logs and diagrams.
  const std::string& Default() const { return In("en"); }

  bool empty() const { return texts_.empty(); }

  // The text as one string for a database column, read back by FromStored:
  // a text for every language is stored as written; texts in several
  // languages are stored as "\x1E<language>\x1F<text>" for each, control
  // characters nobody types: in a text they are stored as spaces (only
  // where they would be taken for marks), so any text reads back as text.
  std::string Stored() const;
  static LocalText FromStored(std::string_view stored);
  // (language, text) in the order written.
  const std::vector<std::pair<std::string, std::string>>& all() const { return texts_; }

  friend bool operator==(const LocalText&, const LocalText&) = default;

 private:
  std::vector<std::pair<std::string, std::string>> texts_;
};

// A text written in English and in Russian.
LocalText EnglishAndRussian(std::string en, std::string ru);

// The languages the product speaks, in order of preference for a reader
// who names none: "ru" first (the installation's default out of the box).
inline constexpr std::string_view kLanguages[] = {"ru", "en"};

// True when `text` holds a control character other than tab, CR and LF:
// such a text cannot be stored as a LocalText.
bool HasControlCharacters(std::string_view text);

// True for a language the product speaks.
bool IsKnownLanguage(std::string_view language);

// The best language the product speaks for an Accept-Language header
// (RFC 9110 §12.5.4: q values, "ru-RU" counts as "ru", "*" as any);
// `fallback` when the header names none of them.
std::string PreferredLanguage(std::string_view accept_language, std::string_view fallback);

}  // namespace hd::core
