// Input checks shared by the use cases. Each returns kInvalidArgument naming
// the field, so adapters can point at it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/local_text.hpp"

namespace hd::service {

// Trims surrounding whitespace and lower-cases; then checks the shape of an
// address (one '@', a dotted domain, no spaces, at most 254 characters).
Result<std::string> NormalizeEmail(std::string_view email, std::string_view field = "email");

// `value` must be valid UTF-8 without NUL and at most `max_chars` code
// points; when `required`, not blank.
Status CheckText(std::string_view value, std::string_view field, std::size_t max_chars,
                 bool required);

// A text for people in one or more languages: in languages the product
// speaks only, each as CheckText, and without control characters (the
// stored form uses them). When `required`, at least one text and none blank.
Status CheckLocalText(const core::LocalText& text, std::string_view field, std::size_t max_chars,
                      bool required);

// A slug (groups, categories): 1 to 64 of a-z, 0-9, '-' and '_';
// kInvalidArgument naming `field`.
Status CheckSlug(const std::string& slug, const char* field);

// Copy of `s` without leading and trailing ASCII whitespace.
std::string Trim(std::string_view s);

}  // namespace hd::service
