// Services: the set of use cases an adapter (http, mail, jobs) calls. Owned
// by app/, which builds it from a Store, a BlobStore and a Clock.
#pragma once

#include "service/accounts.hpp"
#include "service/admin/audit_log.hpp"
#include "service/admin/categories.hpp"
#include "service/admin/people.hpp"
#include "service/admin/templates.hpp"
#include "service/conversation.hpp"
#include "service/desk/canned_replies.hpp"
#include "service/desk/presence.hpp"
#include "service/desk/queues.hpp"
#include "service/desk/saved_views.hpp"
#include "service/directory.hpp"
#include "service/event_stream.hpp"
#include "service/l1/hints.hpp"
#include "service/licences.hpp"
#include "service/mail/intake.hpp"
#include "service/mail/mail_admin.hpp"
#include "service/notifications.hpp"
#include "service/process_admin.hpp"
#include "service/process_engine.hpp"
#include "service/process_timers.hpp"
#include "service/profile.hpp"
#include "service/reports/backlog_snapshots.hpp"
#include "service/reports/reports.hpp"
#include "service/sla_alerts.hpp"
#include "service/sla_clocks.hpp"
#include "service/sla_levels.hpp"
#include "service/sla_policy.hpp"
#include "service/tickets.hpp"
#include "service/transitions.hpp"

namespace hd::service {

// The installation's time zone: the default of people's profiles, and the
// days the backlog is counted at the end of.
inline constexpr std::string_view kDeskZone = "Europe/Moscow";

struct Services {
  Services(core::ports::Store& db, core::ports::BlobStore& blobs, const core::Clock& clock,
           const Options& opts)
      : store(db),
        accounts(db, clock, opts),
        tickets(db, blobs, clock, opts, processes),
        conversation(db, blobs, clock, opts, processes),
        directory(db),
        events(db),
        transitions(db, processes, clock),
        process_admin(db, processes, clock),
        process_timers(db, processes, clock),
        notifications(db, clock, opts),
        sla_clocks(sla_policy),
        licences(db, sla_policy, clock),
        sla_levels(db, sla_policy, sla_clocks, clock),
        sla_monitor(db, sla_clocks, clock),
        reports(db, sla_policy, processes, clock, std::string(kDeskZone)),
        backlog_snapshots(db, clock, std::string(kDeskZone)),
        mail_admin(db, blobs, clock),
        profile(db, "ru", std::string(kDeskZone)),
        presence(db, clock),
        queues(db, processes, clock),
        saved_views(db, clock),
        canned_replies(db, processes),
        l1_hints(db, processes),
        people(db, clock),
        categories(db, clock),
        templates(db, clock, processes),
        audit_log(db),
        options(opts) {
    tickets.UseSla(sla_clocks);
    conversation.UseSla(sla_clocks);
    processes.UseSla(sla_clocks);
    profile.OnUserChanged([this](core::UserId user) { accounts.ForgetCachedUser(user); });
    people.OnUserChanged([this](core::UserId user) { accounts.ForgetCachedUser(user); });
  }

  core::ports::Store& store;  // for readiness probes
  // Runs tickets on their business process; the use cases below share it.
  ProcessEngine processes;
  Accounts accounts;
  Tickets tickets;
  Conversation conversation;
  Directory directory;
  // Live updates: off until app/ gives it an event feed (UseFeed).
  EventStream events;
  Transitions transitions;
  ProcessAdmin process_admin;
  // The process job's use case: timed transitions fired when due.
  ProcessTimers process_timers;
  // The signed-in user's notifications from the one outbox.
  Notifications notifications;
  // SLA: the levels and calendars in force (empty until sla_levels.Load),
  // ticket clocks, licences and coupons, the SLA job, reports.
  SlaPolicy sla_policy;
  SlaClocks sla_clocks;
  Licences licences;
  SlaLevels sla_levels;
  SlaMonitor sla_monitor;
  Reports reports;
  BacklogSnapshots backlog_snapshots;
  // Mail: the administrators' view, raw received messages; the intake and
  // the sender are built by app/ with the mail adapter (service/mail/).
  MailAdmin mail_admin;
  // The mail intake when app/ has wired the mail adapter (null otherwise):
  // operators release held mail through it.
  MailIntake* mail_intake = nullptr;
  // The signed-in person's language, time zone and mail choices.
  Profile profile;
  // The agents' desk: who has a ticket open, the role's queues with their
  // counts, each person's saved views, replies from the templates.
  Presence presence;
  Queues queues;
  SavedViews saved_views;
  CannedReplies canned_replies;
  // What is proposed to L1 for a ticket's classification.
  l1::Hints l1_hints;
  // Administration: users, companies, groups and their members; categories;
  // the reply and mail texts; the audit log.
  People people;
  Categories categories;
  TemplateAdmin templates;
  AuditLog audit_log;
  Options options;
};

}  // namespace hd::service
