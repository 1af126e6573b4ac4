// OpenMailSource: the MailSource for a configured mailbox, chosen by the
// URL's scheme. app/ calls it for each entry of the mail configuration.
#pragma once

#include <memory>

#include "core/error.hpp"
#include "core/ports/mail.hpp"
#include "mail/transport/mailbox_options.hpp"

namespace hd::mail {

// imap:// and imaps:// → ImapSource; pop3:// and pop3s:// → Pop3Source;
// "maildir:PATH" or a plain path (absolute or relative, no "scheme://") →
// MaildirSource. Does not connect. kInvalidArgument naming "url" for any
// other URL, or the field at fault in the options.
Result<std::unique_ptr<core::ports::MailSource>> OpenMailSource(const MailboxOptions& options);

}  // namespace hd::mail
