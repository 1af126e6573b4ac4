// Services: the set of use cases an adapter (http, mail, jobs) calls. Owned
// by app/, which builds it from a Store, a BlobStore and a Clock.
#pragma once

#include "service/accounts.hpp"
#include "service/conversation.hpp"
#include "service/directory.hpp"
#include "service/tickets.hpp"

namespace hd::service {

struct Services {
  Services(core::ports::Store& db, core::ports::BlobStore& blobs, const core::Clock& clock,
           const Options& opts)
      : store(db),
        accounts(db, clock, opts),
        tickets(db, blobs, clock, opts),
        conversation(db, blobs, clock, opts),
        directory(db),
        options(opts) {}

  core::ports::Store& store;  // for readiness probes
  Accounts accounts;
  Tickets tickets;
  Conversation conversation;
  Directory directory;
  Options options;
};

}  // namespace hd::service
