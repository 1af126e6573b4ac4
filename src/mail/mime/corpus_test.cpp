// The data-driven corpus test: every tests/data/mail/**/*.eml parsed with
// ParseJson(ParseMessage(...)) and compared with the *.json beside it by the
// rules of tests/data/mail/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mail/mime/mail_json.hpp"
#include "mail/mime/parser.hpp"

namespace hd::mail {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kCorpus = fs::path(HD_SOURCE_DIR) / "tests" / "data" / "mail";

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  if (!fs::exists(kCorpus)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (entry.path().extension() == ".eml") {
      files.push_back(fs::relative(entry.path(), kCorpus).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// README "body_text": CRLF as LF, blanks trimmed at line ends and at the end.
std::string NormaliseText(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    out.append(line);
    if (eol < text.size()) out += '\n';
    pos = eol + 1;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) {
    out.pop_back();
  }
  return out;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

void ExpectFragments(const json::object& expected, const char* key, const std::string& text,
                     bool present) {
  const json::value* list = expected.if_contains(key);
  if (list == nullptr) return;
  for (const json::value& fragment : list->as_array()) {
    const std::string f(fragment.as_string());
    EXPECT_EQ(text.find(f) != std::string::npos, present) << key << ": \"" << f << "\"\nin text:\n"
                                                          << text;
  }
}

void ExpectText(const json::object& expected, const json::object& actual, const char* key) {
  const json::value* want = expected.if_contains(key);
  if (want == nullptr) return;
  const json::value& got = actual.at(key);
  if (want->is_null() || got.is_null()) {
    EXPECT_EQ(json::serialize(*want), json::serialize(got)) << key;
    return;
  }
  EXPECT_EQ(NormaliseText(want->as_string()), NormaliseText(got.as_string())) << key;
}

class Corpus : public testing::TestWithParam<std::string> {};

TEST_P(Corpus, ParsesAsExpected) {
  const fs::path eml = kCorpus / GetParam();
  fs::path expectation = eml;
  expectation.replace_extension(".json");
  ASSERT_TRUE(fs::exists(expectation)) << expectation;
  const json::object expected = json::parse(ReadFile(expectation)).as_object();
  const json::object actual = json::parse(ParseJson(ParseMessage(ReadFile(eml)))).as_object();

  for (const auto& [key, want] : expected) {
    if (key == "subject") {
      EXPECT_EQ(Trimmed(want.as_string()), Trimmed(actual.at("subject").as_string()));
    } else if (key == "body_text" || key == "body_html") {
      ExpectText(expected, actual, key.data());
    } else if (key.ends_with("_contains") || key.ends_with("_excludes")) {
      const std::string field(key.substr(0, key.rfind('_')));
      const json::value& got = actual.at(field);
      const std::string text = got.is_string() ? NormaliseText(got.as_string()) : "";
      ExpectFragments(expected, key.data(), text, key.ends_with("_contains"));
    } else {
      ASSERT_TRUE(actual.contains(key)) << key;
      EXPECT_EQ(json::serialize(want), json::serialize(actual.at(key))) << key;
    }
  }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.rfind('.'));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Mail, Corpus, testing::ValuesIn(CorpusFiles()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Corpus);

TEST(Corpus, HoldsMessages) { EXPECT_GE(CorpusFiles().size(), 80u); }

}  // namespace
}  // namespace hd::mail
