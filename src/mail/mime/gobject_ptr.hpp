// GObjectPtr: the owner of one GObject reference (GMime streams, parsers,
// messages, parts, address lists), released with g_object_unref. Internal to
// mail/mime: included by .cpp files only, so no C header leaks further.
#pragma once

#include <glib-object.h>

#include <memory>

namespace hd::mail {

struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};

template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

// Owns a g_malloc'ed C string (what GMime's decoders return).
struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

}  // namespace hd::mail
