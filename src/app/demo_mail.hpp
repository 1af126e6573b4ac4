// The demo's mailbox story: a customer nobody knew writes to support by
// e-mail (HTML with a plain part, a screenshot attached), becomes a customer
// at once, and answers by mail into the same ticket. Both mails go through
// the real intake, so their raw messages can be downloaded from the ticket.
#pragma once

#include "app/runtime.hpp"
#include "core/error.hpp"

namespace hd::app {

Status SeedMailDemo(Runtime& runtime);

}  // namespace hd::app
