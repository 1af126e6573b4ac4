// Test support (header-only, used by *_test.cpp only): reads the shipped
// calendars from config/defaults/calendars and the test calendars from
// tests/data/sla/calendars, each built once per test binary.
#pragma once

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>

#include "core/time.hpp"
#include "sla/calendar_loader.hpp"

#ifndef HD_SOURCE_DIR
#define HD_SOURCE_DIR "."
#endif

namespace hd::sla::test_support {

inline std::string SourcePath(const std::string& relative) {
  return std::string(HD_SOURCE_DIR) + "/" + relative;
}

inline Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Finds `name` among the test calendars first, then the shipped ones.
inline Result<std::string> ReadCalendarFile(const std::string& name) {
  auto test = ReadFile(SourcePath("tests/data/sla/calendars/" + name));
  if (test.ok()) return test;
  return ReadFile(SourcePath("config/defaults/calendars/" + name));
}

// The calendar `id` (file <id>.json), built once; aborts the test on error.
inline const Calendar& NamedCalendar(const std::string& id) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Calendar>> built;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = built[id];
  if (!slot) {
    auto text = ReadCalendarFile(id + ".json");
    if (!text.ok()) throw std::runtime_error(text.error().message);
    auto cal = LoadCalendar(*text, ReadCalendarFile);
    if (!cal.ok()) throw std::runtime_error(cal.error().message);
    slot = std::make_unique<Calendar>(std::move(cal).value());
  }
  return *slot;
}

// "2025-12-30T18:30:00Z" as an Instant; throws on malformed test data.
inline Instant T(std::string_view iso) {
  auto t = core::ParseIso8601(iso);
  if (!t.ok()) throw std::runtime_error("bad instant in test: " + std::string(iso));
  return std::chrono::floor<std::chrono::seconds>(*t);
}

}  // namespace hd::sla::test_support
