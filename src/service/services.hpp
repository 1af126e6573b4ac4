// Services: the set of use cases an adapter (http, mail, jobs) calls. Owned
// by app/, which builds it from a Store, a BlobStore and a Clock.
#pragma once

#include "service/accounts.hpp"
#include "service/conversation.hpp"
#include "service/directory.hpp"
#include "service/licences.hpp"
#include "service/reports.hpp"
#include "service/sla_alerts.hpp"
#include "service/sla_clocks.hpp"
#include "service/sla_levels.hpp"
#include "service/sla_policy.hpp"
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
        sla_clocks(sla_policy),
        licences(db, sla_policy, clock),
        sla_levels(db, sla_policy, sla_clocks, clock),
        sla_monitor(db, sla_clocks, clock),
        reports(db, sla_policy, clock),
        options(opts) {
    tickets.UseSla(sla_clocks);
    conversation.UseSla(sla_clocks);
  }

  core::ports::Store& store;  // for readiness probes
  Accounts accounts;
  Tickets tickets;
  Conversation conversation;
  Directory directory;
  // SLA: the levels and calendars in force (empty until sla_levels.Load),
  // ticket clocks, licences and coupons, the SLA job, reports.
  SlaPolicy sla_policy;
  SlaClocks sla_clocks;
  Licences licences;
  SlaLevels sla_levels;
  SlaMonitor sla_monitor;
  Reports reports;
  Options options;
};

}  // namespace hd::service
