// Uuencoded files in a plain-text body ("begin 644 name" ... "end"), as old
// clients and scripts still send them. Internal to mail/mime; pure.
#pragma once

#include <string>
#include <vector>

#include "core/mail.hpp"

namespace hd::mail {

// Removes each complete uuencoded block from `text` (UTF-8, "\n" line ends)
// and returns the files, named by their begin lines, content type from the
// name's extension. Text without blocks is left as it is.
std::vector<core::MailAttachment> ExtractUuencoded(std::string& text);

// The content type a file name's extension suggests:
// application/octet-stream when it suggests none.
std::string ContentTypeForName(std::string_view filename);

}  // namespace hd::mail
