// Services: the set of use cases an adapter (http, mail, jobs) calls. Owned
// by app/, which builds it from a Store, a BlobStore and a Clock.
#pragma once

#include "service/accounts.hpp"
#include "service/conversation.hpp"
#include "service/directory.hpp"
#include "service/tickets.hpp"

namespace hd::service {

struct Services {
  Services(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock,
           const Options& options)
      : store(store),
        accounts(store, clock, options),
        tickets(store, blobs, clock, options),
        conversation(store, blobs, clock, options),
        directory(store),
        options(options) {}

  core::ports::Store& store;  // for readiness probes
  Accounts accounts;
  Tickets tickets;
  Conversation conversation;
  Directory directory;
  Options options;
};

}  // namespace hd::service
