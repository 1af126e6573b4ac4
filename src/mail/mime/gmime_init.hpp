// GMime's process-wide initialisation. Every function of mail/mime that
// touches GMime calls EnsureGMime() first; it runs g_mime_init once.
#pragma once

namespace hd::mail {

void EnsureGMime();

}  // namespace hd::mail
