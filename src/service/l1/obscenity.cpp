#include "service/l1/obscenity.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>

namespace hd::service::l1 {

namespace {

using Text = std::u32string;
using TextView = std::u32string_view;

// A masked letter ("f*ck", "п**дец"): stands for any letter of a root.
constexpr char32_t kMasked = 0xE000;  // a private-use code point

Text Decode(std::string_view s) {
  Text out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    char32_t c = lead;
    if (lead >= 0x80) {
      if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        c = lead & 0x1F;
      } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        c = lead & 0x0F;
      } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        c = lead & 0x07;
      } else {
        ++i;  // not the first byte of a character
        continue;
      }
    }
    bool whole = i + extra < s.size();
    for (std::size_t k = 1; whole && k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      whole = (next & 0xC0) == 0x80;
      c = (c << 6) | (next & 0x3F);
    }
    if (!whole) {
      ++i;
      continue;
    }
    out.push_back(c);
    i += extra + 1;
  }
  return out;
}

std::string Encode(TextView text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Lower case, and ё as е (the two are one letter to a reader).
char32_t Fold(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c == U'Ё' || c == U'ё') return U'е';
  if (c >= U'А' && c <= U'Я') return c + 32;
  if (c >= 0x0400 && c <= 0x040F) return c + 80;  // Ѐ…Џ
  return c;
}

bool IsCyrillic(char32_t c) { return c >= U'а' && c <= 0x045F; }
bool IsLatin(char32_t c) { return c >= U'a' && c <= U'z'; }
bool IsLetter(char32_t c) { return IsCyrillic(c) || IsLatin(c); }

bool IsSpace(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x3000;
}

// What ends a word besides space: punctuation that is never written
// between the letters of one, and dashes. (A hyphen joins: "су-ка" is
// read whole, and its parts apart.)
bool IsBreak(char32_t c) {
  static constexpr std::u32string_view kBreaks =
      U",;:()[]{}<>\"«»„“”/\\=\u2012\u2013\u2014\u2015\u2026";
  return kBreaks.find(c) != std::u32string_view::npos;
}

// Punctuation a word may end or begin with.
bool IsEdge(char32_t c) {
  static constexpr std::u32string_view kEdges = U".!?'`\u2018\u2019";
  return kEdges.find(c) != std::u32string_view::npos;
}

// Symbols written in place of a letter, or between letters: each is read
// both ways (and as the letter it looks like, if any: "@" as "а").
bool IsMask(char32_t c) {
  static constexpr std::u32string_view kMasks = U"*#%?_.!@$-\u2010\u2011";
  return kMasks.find(c) != std::u32string_view::npos;
}

// A mapping of characters to the letters they stand for, as pairs.
using CharPairs = std::initializer_list<std::pair<char32_t, char32_t>>;

// Latin letters, digits and symbols as the Cyrillic letters they look like.
constexpr CharPairs kCyrillicLookAlikes = {
    {U'a', U'а'}, {U'@', U'а'}, {U'b', U'в'}, {U'c', U'с'}, {U'$', U'с'}, {U'e', U'е'},
    {U'h', U'н'}, {U'k', U'к'}, {U'm', U'м'}, {U'n', U'п'}, {U'o', U'о'}, {U'0', U'о'},
    {U'p', U'р'}, {U'r', U'г'}, {U't', U'т'}, {U'u', U'и'}, {U'x', U'х'}, {U'y', U'у'},
    {U'3', U'з'}, {U'4', U'ч'}, {U'6', U'б'}};

// Cyrillic letters, digits and symbols as the Latin letters they look like.
constexpr CharPairs kLatinLookAlikes = {
    {U'а', U'a'}, {U'4', U'a'}, {U'@', U'a'}, {U'в', U'b'}, {U'ь', U'b'}, {U'8', U'b'},
    {U'с', U'c'}, {U'е', U'e'}, {U'3', U'e'}, {U'к', U'k'}, {U'м', U'm'}, {U'н', U'h'},
    {U'о', U'o'}, {U'0', U'o'}, {U'р', U'p'}, {U'т', U't'}, {U'7', U't'}, {U'у', U'y'},
    {U'х', U'x'}, {U'и', U'u'}, {U'п', U'n'}, {U'г', U'r'}, {U'1', U'i'}, {U'!', U'i'},
    {U'5', U's'}, {U'$', U's'}};

// A table of `pairs` for the characters below U+0460 (ASCII and Cyrillic);
// any other character stands for itself.
class CharMap {
 public:
  constexpr explicit CharMap(CharPairs pairs) {
    for (std::size_t c = 0; c < to_.size(); ++c) to_[c] = static_cast<char32_t>(c);
    for (const auto& [from, to] : pairs) to_[from] = to;
  }
  constexpr char32_t operator()(char32_t c) const { return c < to_.size() ? to_[c] : c; }

 private:
  std::array<char32_t, 0x460> to_{};
};

constexpr CharMap AsCyrillic(kCyrillicLookAlikes);
constexpr CharMap AsLatin(kLatinLookAlikes);

// Latin letters and digits as the Russian letter each spells alone in a
// transliteration ("y" depends on the letter before it).
constexpr CharMap AsTransliterated(
    {{U'a', U'а'}, {U'b', U'б'}, {U'c', U'ц'}, {U'd', U'д'}, {U'e', U'е'}, {U'f', U'ф'},
     {U'g', U'г'}, {U'h', U'х'}, {U'x', U'х'}, {U'i', U'и'}, {U'j', U'й'}, {U'k', U'к'},
     {U'q', U'к'}, {U'l', U'л'}, {U'm', U'м'}, {U'n', U'н'}, {U'o', U'о'}, {U'0', U'о'},
     {U'p', U'п'}, {U'r', U'р'}, {U's', U'с'}, {U't', U'т'}, {U'u', U'у'}, {U'v', U'в'},
     {U'w', U'в'}, {U'z', U'з'}, {U'3', U'з'}, {U'4', U'ч'}, {U'6', U'б'}});

// Latin spelling of Russian ("nahuy", "blyad", "pizdets") read back.
Text Transliterate(TextView word) {
  static constexpr std::pair<std::u32string_view, std::u32string_view> kDigraphs[] = {
      {U"shch", U"щ"}, {U"sch", U"щ"}, {U"zh", U"ж"}, {U"kh", U"х"}, {U"ch", U"ч"},
      {U"sh", U"ш"},   {U"ts", U"ц"},  {U"ya", U"я"}, {U"yu", U"ю"}, {U"yo", U"е"},
      {U"ye", U"е"},   {U"ja", U"я"},  {U"ju", U"ю"}, {U"ck", U"к"}};
  static constexpr std::u32string_view kDigraphStarts = U"szkctyj";
  static constexpr std::u32string_view kVowels = U"aeiouаеиоуыэюя";
  Text out;
  for (std::size_t i = 0; i < word.size();) {
    bool matched = false;
    const bool digraph = i + 1 < word.size() && kDigraphStarts.find(word[i]) != TextView::npos;
    for (const auto& [latin, russian] : digraph ? std::span(kDigraphs) : std::span(kDigraphs, 0)) {
      if (word.substr(i, latin.size()) == latin) {
        out += russian;
        i += latin.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char32_t c = word[i++];
    if (c == U'y') {  // й after a vowel ("huy"), else ы
      out += !out.empty() && kVowels.find(out.back()) != TextView::npos ? U'й' : U'ы';
    } else {
      out += AsTransliterated(c);
    }
  }
  return out;
}

// Runs of one letter as one ("бляяядь", "fuuuck"); masks stay apart.
Text Collapse(TextView word) {
  Text out;
  for (char32_t c : word) {
    if (out.empty() || c != out.back() || c == kMasked) out += c;
  }
  return out;
}

// Where in a word a root may stand.
enum class Where {
  kAnywhere,     // inside any word ("пиздец", "распиздяй", "motherfucker")
  kStart,        // at its start ("cunts", not "Scunthorpe")
  kPrefixed,     // at its start or after one of the family's prefixes
  kAfterPrefix,  // after one of the family's prefixes only
  kWhole,        // the whole word, the root and one of the family's endings
};

// A family of obscene words as its roots are found.
struct RuleText {
  std::string_view family;
  std::string_view roots;  // '|'-separated, with repeated letters written once
  Where where;
  std::string_view next;       // letters one of which must follow the root ("": any; '$': none)
  std::string_view affixes;    // prefixes; kWhole: endings ('|'-separated)
  bool russian = true;         // read in the Russian readings of a word, else the English
  bool as_written = false;     // matched before repeated letters are collapsed
  bool cyrillic_only = false;  // only in words written with a Cyrillic letter
};

constexpr std::string_view kHuyPrefixes =
    "на|по|за|от|о|об|вы|до|ни|не|а|при|про|рас|раз|с|у|под|пере|недо|ох|ах";
constexpr std::string_view kEbPrefixes =
    "за|на|у|вы|до|от|про|по|при|пере|недо|о|об|раз|рас|из|вз|под|съ|въ|отъ|объ|разъ|расъ|подъ|"
    "изъ|взъ|долбо";

constexpr RuleText kRuleTexts[] = {
    {"хуй", "ху", Where::kPrefixed, "йяеюи", kHuyPrefixes},
    {"хуй", "хули", Where::kWhole, "", ""},  // "why the hell"; not "хулиган"
    {"пизда", "пизд", Where::kAnywhere, "", ""},
    {"ебать", "еб", Where::kPrefixed, "аулниеы", kEbPrefixes},
    {"ебать", "еб", Where::kAfterPrefix, "ок$", kEbPrefixes},
    {"ебать", "еб", Where::kWhole, "", "", true, false, true},
    {"блядь", "бля", Where::kWhole, "", ""},
    {"блядь", "бляд|блят", Where::kPrefixed, "", "вы|по|за|на"},
    {"мудак", "мудак|мудач|мудил|мудоз|мудох", Where::kStart, "", ""},
    {"пидор", "пидор|пидар|пидр|педрил", Where::kStart, "", ""},
    {"залупа", "залуп", Where::kStart, "", ""},
    {"манда", "манд", Where::kWhole, "", "а|ы|е|у|ой", true, false, true},
    {"гандон", "гандон|гондон", Where::kAnywhere, "", ""},
    {"шлюха", "шлюх", Where::kStart, "", ""},
    {"сука", "сук", Where::kWhole, "", "а|и|у|е|ой|ами|ам"},
    {"сука", "сукин|сучк|сучар", Where::kStart, "", ""},
    {"дрочить", "дроч", Where::kAnywhere, "", ""},
    {"херня", "херн", Where::kWhole, "", "я|и|ю|ей", true, false, true},
    {"херня", "херов", Where::kStart, "", "", true, false, true},
    {"херня", "нахер|похер|захер", Where::kWhole, "", "|а", true, false, true},
    {"fuck", "fuck|fvck|phuck|fuq", Where::kAnywhere, "", "", false},
    {"fuck", "fck|fk|fuk|fukin|fuking|fuked|fuker|fukers|fcking|fckin|fcked|fcker", Where::kWhole,
     "", "", false},
    {"fuck", "wtf|stfu|fml", Where::kWhole, "", "", false},
    {"shit", "shit", Where::kPrefixed, "", "bul|dip|horse|chicken|bat|ape|holy", false},
    {"cunt", "cunt", Where::kStart, "", "", false},
    {"bitch", "bitch", Where::kAnywhere, "", "", false},
    {"asshole", "ashole|arsehole|ashat", Where::kAnywhere, "", "", false},
    {"asshole", "ass|arse|dumbass|jackass|smartass|asswipe|fatass", Where::kWhole, "", "|es|s",
     false, true},
    {"dickhead", "dickhead", Where::kAnywhere, "", "", false},
    {"cocksucker", "coksucker", Where::kAnywhere, "", "", false},
    {"bastard", "bastard", Where::kStart, "", "", false},
    {"whore", "whore", Where::kStart, "", "", false},
    {"slut", "slut", Where::kWhole, "", "|s|ty", false},
    {"wanker", "wank", Where::kStart, "", "", false},
    {"twat", "twat", Where::kStart, "", "", false},
    {"prick", "prick", Where::kWhole, "", "|s", false},
    {"nigger", "nigger", Where::kStart, "", "", false, true},
    {"nigger", "nigga", Where::kWhole, "", "|s|z", false, true},
    {"faggot", "faggot", Where::kStart, "", "", false, true},
    {"bollocks", "bolocks", Where::kStart, "", "", false},
    {"douchebag", "douchebag", Where::kAnywhere, "", "", false},
};

// Words that read as obscene in one of the readings and are not: an
// English word transliterated ("ebay" → "ебай"), a name, a mushroom.
constexpr std::string_view kCleanWords[] = {
    "shiitake", "shitake", "ebay",   "ebays", "ebitda", "ebullient", "ebert", "ebenezer", "hue",
    "hues",     "huey",    "huevos", "hui",   "huis",   "huynh",     "xuyen", "hernia",   "fk"};

std::vector<Text> Split(std::string_view list) {
  std::vector<Text> out;
  std::size_t begin = 0;
  while (begin <= list.size()) {
    std::size_t end = list.find('|', begin);
    if (end == std::string_view::npos) end = list.size();
    out.push_back(Decode(list.substr(begin, end - begin)));
    begin = end + 1;
  }
  return out;
}

// A bit for each letter of a word (Cyrillic а…я, Latin a…z): a root can
// stand only in a word that has every one of its letters.
std::uint64_t LetterBit(char32_t c) {
  if (c >= U'а' && c <= U'я') return std::uint64_t{1} << (c - U'а');
  if (IsLatin(c)) return std::uint64_t{1} << (32 + (c - U'a'));
  return 0;
}

std::uint64_t LetterBits(TextView word) {
  std::uint64_t bits = 0;
  for (char32_t c : word) bits |= LetterBit(c);
  return bits;
}

struct Rule {
  std::string family;
  std::vector<Text> roots;
  Where where;
  Text next;
  std::vector<Text> affixes;
  bool russian;
  bool as_written;
  bool cyrillic_only;
};

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const RuleText& r : kRuleTexts) {
      out.push_back({std::string(r.family), Split(r.roots), r.where, Decode(r.next),
                     r.affixes.empty() ? std::vector<Text>() : Split(r.affixes), r.russian,
                     r.as_written, r.cyrillic_only});
    }
    return out;
  }();
  return rules;
}

const std::set<Text>& CleanWords() {
  static const std::set<Text> words = [] {
    std::set<Text> out;
    for (std::string_view w : kCleanWords) out.insert(Decode(w));
    return out;
  }();
  return words;
}

// How many letters of `root` were masked where it stands in `word` at `at`;
// none when it does not stand there.
std::optional<std::size_t> RootAt(TextView word, std::size_t at, TextView root) {
  if (at + root.size() > word.size()) return std::nullopt;
  std::size_t masked = 0;
  for (std::size_t i = 0; i < root.size(); ++i) {
    if (word[at + i] == kMasked) {
      ++masked;
    } else if (word[at + i] != root[i]) {
      return std::nullopt;
    }
  }
  return masked;
}

// Whether a mask leaves a word recognisable: "f**k" and "х*й", not "f***".
bool Recognisable(std::size_t letters, std::size_t masked) {
  const std::size_t shown = letters - masked;
  return masked == 0 || (shown >= 2 && shown >= masked);
}

bool Contains(const std::vector<Text>& list, TextView text) {
  return std::find(list.begin(), list.end(), text) != list.end();
}

// Whether `root` of `rule` stands in `word` at `at`.
bool StandsAt(const Rule& rule, TextView word, std::size_t at, TextView root) {
  const auto masked = RootAt(word, at, root);
  if (!masked) return false;
  if (at == 0 ? rule.where == Where::kAfterPrefix
              : rule.where != Where::kAnywhere && !Contains(rule.affixes, word.substr(0, at))) {
    return false;
  }
  std::size_t letters = root.size();
  if (!rule.next.empty()) {
    const std::size_t after = at + root.size();
    if (after == word.size()) {
      if (rule.next.find(U'$') == Text::npos) return false;
    } else if (rule.next.find(word[after]) == Text::npos) {
      return false;
    } else {
      ++letters;  // the letter that follows shows the word too
    }
  }
  return Recognisable(letters, *masked);
}

// Whether `word` is of the family of `rule` through its root `root`.
bool RootMatches(const Rule& rule, const Text& root, TextView word) {
  if (rule.where == Where::kWhole) {
    static const std::vector<Text> kNoEnding{Text()};
    for (const Text& ending : rule.affixes.empty() ? kNoEnding : rule.affixes) {
      if (word.size() != root.size() + ending.size() || word.substr(root.size()) != ending) {
        continue;
      }
      if (auto hidden = RootAt(word, 0, root); hidden && Recognisable(root.size(), *hidden)) {
        return true;
      }
    }
    return false;
  }
  const std::size_t last = rule.where == Where::kStart ? 0 : word.size();
  for (std::size_t at = 0; at <= last && at < word.size(); ++at) {
    if (StandsAt(rule, word, at, root)) return true;
  }
  return false;
}

// Each root of every rule of one language, in the rules' order, with its
// letters apart: a word is held against the letters first, which rules out
// nearly every root at the cost of a few instructions each.
struct RootRef {
  const Rule* rule;
  const Text* root;
};
struct RootIndex {
  std::vector<std::uint64_t> letters;  // LetterBits of each root
  std::vector<RootRef> refs;
};

const RootIndex& Roots(bool russian) {
  static const std::array<RootIndex, 2> index = [] {
    std::array<RootIndex, 2> out;
    for (const Rule& rule : Rules()) {
      for (const Text& root : rule.roots) {
        RootIndex& language = out[rule.russian ? 1 : 0];
        language.letters.push_back(LetterBits(root));
        language.refs.push_back({&rule, &root});
      }
    }
    return out;
  }();
  return index[russian ? 1 : 0];
}

// One way of reading a word's characters as letters.
struct Reading {
  Text letters;
  bool russian;
};

// The letters of `chars` mapped by `map`, other characters dropped; or
// with masks as masked letters.
template <class Map>
Text LettersOf(TextView chars, bool keep_masks, Map map) {
  Text letters;
  for (char32_t c : chars) {
    if (keep_masks && IsMask(c)) {
      letters += kMasked;
    } else if (const char32_t mapped = map(c); IsLetter(mapped)) {
      letters += mapped;
    }
  }
  return letters;
}

// The readings of a word (folded): as Cyrillic look-alikes, as
// transliterated Russian (a word in Latin letters only) and as English,
// each with its masks dropped and as masked letters.
std::vector<Reading> ReadingsOf(TextView word) {
  const bool cyrillic = std::any_of(word.begin(), word.end(), IsCyrillic);
  const bool latin = std::any_of(word.begin(), word.end(), IsLatin);
  std::vector<Reading> out;
  const bool masks = std::any_of(word.begin(), word.end(), IsMask);
  auto add = [&](TextView chars, bool russian, auto map) {
    for (bool keep_masks : {false, true}) {
      if (keep_masks && !masks) break;  // the same letters again
      Text letters = LettersOf(chars, keep_masks, map);
      if (letters.size() >= 2) out.push_back({std::move(letters), russian});
    }
  };
  add(word, true, [](char32_t c) { return IsCyrillic(c) ? c : AsCyrillic(c); });
  if (latin && !cyrillic) add(Transliterate(word), true, [](char32_t c) { return c; });
  if (latin) add(word, false, [](char32_t c) { return IsLatin(c) ? c : AsLatin(c); });
  return out;
}

// The family of the first rule a word (folded) matches, if any.
// Whether no root of `roots` has all its letters among `letters`.
bool NoRootIn(const RootIndex& roots, std::uint64_t letters) {
  return std::none_of(roots.letters.begin(), roots.letters.end(),
                      [&](std::uint64_t root) { return (root & ~letters) == 0; });
}

// The Cyrillic letters a Latin letter may become in a transliteration,
// alone or as the first of two ("s" of "sh", "shch").
std::uint64_t TransliteratedBits(char32_t latin) {
  static const std::array<std::uint64_t, 26> bits = [] {
    std::array<std::uint64_t, 26> out{};
    for (char32_t c = U'a'; c <= U'z'; ++c) {
      std::uint64_t b = LetterBits(Transliterate(Text(1, c)));
      for (char32_t next : std::u32string_view(U"ahuoek")) {
        b |= LetterBits(Transliterate(Text{c, next})) & ~LetterBits(Transliterate(Text(1, next)));
      }
      out[c - U'a'] = b;
    }
    out[U'y' - U'a'] |= LetterBits(U"йы");
    return out;
  }();
  return bits[latin - U'a'];
}

// Whether a word is clean without reading it closely: none of its readings
// could hold all the letters of any root (most words of a text), judged
// from the letters each reading may hold.
bool PlainlyClean(TextView word) {
  std::uint64_t russian = 0;  // the letters of its Russian readings, at most
  std::uint64_t english = 0;
  bool latin = false;
  for (char32_t c : word) {
    if (IsMask(c)) return false;  // a masked letter may be any
    if (IsLatin(c)) {
      latin = true;
      english |= LetterBit(c);
      russian |= TransliteratedBits(c) | LetterBit(AsCyrillic(c));
    } else if (IsCyrillic(c)) {
      english |= LetterBit(AsLatin(c));
      russian |= LetterBit(c);
    } else {
      english |= LetterBit(AsLatin(c));
      russian |= LetterBit(AsCyrillic(c));
    }
  }
  return NoRootIn(Roots(true), russian) && (!latin || NoRootIn(Roots(false), english));
}

std::optional<std::string> FamilyOf(TextView word) {
  if (PlainlyClean(word)) return std::nullopt;
  const bool cyrillic = std::any_of(word.begin(), word.end(), IsCyrillic);
  if (std::any_of(word.begin(), word.end(), IsLatin)) {  // the clean words are Latin
    Text plain;
    for (char32_t c : word) {
      if (IsLetter(c)) plain += c;
    }
    if (CleanWords().contains(plain) || CleanWords().contains(Collapse(plain))) {
      return std::nullopt;
    }
  }
  for (const Reading& reading : ReadingsOf(word)) {
    const std::uint64_t letters = LetterBits(reading.letters);
    const bool masked = reading.letters.find(kMasked) != Text::npos;
    std::optional<Text> collapsed;
    const RootIndex& roots = Roots(reading.russian);
    for (std::size_t r = 0; r < roots.letters.size(); ++r) {
      if (!masked && (roots.letters[r] & ~letters) != 0) continue;
      const RootRef& ref = roots.refs[r];
      const Rule& rule = *ref.rule;
      if (rule.cyrillic_only && !cyrillic) continue;
      if (!collapsed) collapsed = Collapse(reading.letters);
      if (RootMatches(rule, *ref.root, rule.as_written ? reading.letters : *collapsed)) {
        return rule.family;
      }
    }
  }
  return std::nullopt;
}

bool IsHyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2011; }

// As FamilyOf, and for a word written with hyphens its parts too
// ("иди-нахуй").
std::optional<std::string> FamilyOfWord(TextView word) {
  if (auto family = FamilyOf(word)) return family;
  if (std::none_of(word.begin(), word.end(), IsHyphen)) return std::nullopt;
  std::size_t begin = 0;
  while (begin < word.size()) {
    std::size_t end = begin;
    while (end < word.size() && !IsHyphen(word[end])) ++end;
    if (auto family = FamilyOf(word.substr(begin, end - begin))) return family;
    begin = end + 1;
  }
  return std::nullopt;
}

// Where a word of the text stands.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Token> Tokens(TextView text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsSpace(text[i]) || IsBreak(text[i]))) ++i;
    std::size_t end = i;
    while (end < text.size() && !IsSpace(text[end]) && !IsBreak(text[end])) ++end;
    std::size_t begin = i;
    i = end;
    while (begin < end && IsEdge(text[begin])) ++begin;
    while (end > begin && IsEdge(text[end - 1])) --end;
    if (begin < end) out.push_back({begin, end});
  }
  return out;
}

}  // namespace

std::vector<ObsceneWord> FindObscene(std::string_view utf8) {
  const Text text = Decode(utf8);
  Text folded(text.size(), U' ');
  std::transform(text.begin(), text.end(), folded.begin(), Fold);
  const std::vector<Token> tokens = Tokens(text);
  auto word = [&](std::size_t k) {
    return TextView(folded).substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  };
  auto written = [&](std::size_t first, std::size_t last) {
    return Encode(
        TextView(text).substr(tokens[first].begin, tokens[last].end - tokens[first].begin));
  };
  std::vector<ObsceneWord> out;
  for (std::size_t k = 0; k < tokens.size();) {
    // Letters written apart ("х у й", "f u c k"), three or more, are read
    // as one word.
    std::size_t run = k;
    while (run < tokens.size() && word(run).size() == 1 && IsLetter(word(run)[0])) ++run;
    if (run - k >= 3) {
      Text joined;
      for (std::size_t j = k; j < run; ++j) joined += word(j);
      if (auto family = FamilyOf(joined)) out.push_back({written(k, run - 1), std::move(*family)});
      k = run;
      continue;
    }
    if (auto family = FamilyOfWord(word(k))) out.push_back({written(k, k), std::move(*family)});
    ++k;
  }
  return out;
}

}  // namespace hd::service::l1
