// The body of an outbound message as a tree of GMime parts: the part of
// ComposeMessage (composer.cpp) that turns texts and attachments into MIME.
// Internal to mail/mime, included by .cpp files only. Pure; thread-safe
// once EnsureGMime() has run.
#pragma once

#include <gmime/gmime.h>

#include "core/mail.hpp"
#include "mail/mime/gobject_ptr.hpp"

namespace hd::mail::compose {

// The MIME tree of `mail`'s body:
//   text/plain                                  text only
//   multipart/alternative(text/plain, text/html)  with html
//   … text/html inside multipart/related with the inline images the HTML
//     references as cid:<content_id>
//   multipart/mixed(the above, attachments…)    with other attachments
// Texts are UTF-8 in quoted-printable or base64 (the shorter), line ends
// canonical CRLF; attachments are base64 and keep their bytes exactly.
// Preconditions: the fields ComposeMessage validates are valid.
GObjectPtr<GMimeObject> BuildBody(const core::OutboundMail& mail);

}  // namespace hd::mail::compose
