// ProcessEngine: runs tickets on their business process inside the use
// cases' transactions. It starts the default process when a ticket is
// registered, describes a ticket's state to its reader, fires transitions
// (the engine of workflow/ decides, this persists the Outcome), resumes a
// waiting ticket on a customer's reply, and maps every process state to the
// ticket's coarse status, tier, group and assignee so that queues and SLA
// clocks work from the ticket alone (docs/workflow.md, "Status mapping").
//
// Owned by Services; shared by the Tickets, Conversation and Transitions use
// cases. Thread-safe: the catalog locks itself; templates and the renderer
// are swapped under a mutex and used as immutable snapshots.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/role.hpp"
#include "core/ticket.hpp"
#include "core/time.hpp"
#include "service/actor.hpp"
#include "service/process_catalog.hpp"
#include "service/sla_clocks.hpp"
#include "service/templates.hpp"
#include "workflow/engine.hpp"

namespace hd::service {

struct ProcessSettings {
  // The process new tickets start on. Default "support" (support.yaml).
  std::string default_process = "support";
  // The staff group (slug) whose queue holds a ticket assigned to a role.
  // A role without an entry, or whose group does not exist, leaves the ticket
  // without a group.
  std::map<core::Role, std::string> role_groups = {
      {core::Role::kL1Operator, "support"},       {core::Role::kIncidentManager, "incidents"},
      {core::Role::kItOperator, "it-operations"}, {core::Role::kDeveloper, "development"},
      {core::Role::kIntegrator, "development"},   {core::Role::kAdministrator, "administration"},
  };
  // Process group id → staff group slug, where the process names a group
  // differently from the directory. Unlisted ids are used as slugs.
  std::map<std::string, std::string, std::less<>> group_slugs = {
      {"content_moderation", "content"},
  };
};

// Renders Graphviz DOT to SVG. Graphviz is a native library with global
// state; app/ implements this port (in a child process), tests may fake it.
class DiagramRenderer {
 public:
  virtual ~DiagramRenderer() = default;
  // The SVG document; kUnavailable when rendering is not possible now.
  virtual Result<std::string> RenderSvg(const std::string& dot) = 0;
};

// One firing as the caller asks for it.
struct FireInput {
  std::string transition;                        // transition or approval branch id
  workflow::FieldValues fields;                  // values for the fields it asks for
  std::string comment;                           // optional; a note (staff) or reply (customer)
  std::optional<std::int64_t> expected_version;  // If-Match
};

class ProcessEngine {
 public:
  explicit ProcessEngine(ProcessSettings settings = {}) : settings_(std::move(settings)) {}

  ProcessCatalog& catalog() { return catalog_; }
  const ProcessCatalog& catalog() const { return catalog_; }
  const ProcessSettings& settings() const { return settings_; }

  // Replaces the reply templates (app/ loads them at start-up).
  void SetTemplates(TemplateSet templates);
  std::shared_ptr<const TemplateSet> templates() const;
  // The SLA clocks a firing recomputes (RefreshSlaClocks) after it changed
  // the ticket; unset, firings keep no clock. Set once while wiring.
  void UseSla(const SlaClocks& clocks) { sla_ = &clocks; }
  const SlaClocks* sla() const { return sla_; }
  // The renderer behind ticket diagrams; nullptr makes them unavailable.
  void SetRenderer(std::shared_ptr<DiagramRenderer> renderer);
  std::shared_ptr<DiagramRenderer> renderer() const;

  // Starts the current default process on a ticket just inserted in this
  // transaction: initial state, first step of the path, status and tier of
  // that state; fills ticket.process for `reader` as Describe would. Does
  // nothing when no default process is loaded.
  Status Start(core::ports::Tx& tx, core::Ticket& ticket, const Actor& reader,
               core::Timestamp now) const;

  // Fills ticket.process for `reader` (state label, final, instructions for
  // the reader's role). Leaves it empty for a ticket on no process.
  Status Describe(core::ports::Tx& tx, const Actor& reader, core::Ticket& ticket) const;
  Status DescribeAll(core::ports::Tx& tx, const Actor& reader,
                     std::vector<core::Ticket>& tickets) const;

  // The process record of a ticket and the definition it runs on; kConflict
  // (reason "no-process") when the ticket runs on none.
  struct Running {
    core::ProcessState state;
    ProcessPtr process;
  };
  Result<Running> Load(core::ports::Tx& tx, core::TicketId ticket) const;

  // The engine's view of a running ticket (votes of the current round included).
  Result<workflow::TicketView> View(core::ports::Tx& tx, const core::Ticket& ticket,
                                    const core::ProcessState& state) const;

  // Fires `input` on `ticket` as `actor` and stores everything it changes
  // (state, fields, votes, path, status, tier, group, assignee, replies,
  // notifications, history) in this transaction; the ticket is updated in
  // place with its new version. Errors as workflow::Fire, with a field error
  // named "fields.<name>"; kPreconditionFailed for a stale expected_version.
  // Any error leaves the transaction to be rolled back by the caller.
  Status Fire(core::ports::Tx& tx, core::Ticket& ticket, const Actor& actor, const FireInput& input,
              core::Timestamp now) const;

  // Fires the timed transition `transition` (`auto_after_hours`) on `ticket`
  // as the system, storing everything as Fire does: history events carry no
  // actor, and a reply is signed by the staff member who last moved the
  // ticket (else its assignee). Errors as workflow::FireAutomatic; kConflict
  // (reason "no-reply-author") when a reply has nobody to sign it.
  Status FireTimed(core::ports::Tx& tx, core::Ticket& ticket, const std::string& transition,
                   core::Timestamp now) const;

  // A customer's public reply on a ticket that waits for them fires the
  // state's `returns` transition the customer may fire without input (e.g.
  // customer_replied; the ticket is stored). Returns true when it fired one.
  Result<bool> ResumeOnReply(core::ports::Tx& tx, core::Ticket& ticket, const Actor& actor,
                             core::Timestamp now) const;

 private:
  ProcessSettings settings_;
  ProcessCatalog catalog_;
  mutable std::mutex mutex_;
  std::shared_ptr<const TemplateSet> templates_ = std::make_shared<const TemplateSet>();
  std::shared_ptr<DiagramRenderer> renderer_;
  const SlaClocks* sla_ = nullptr;
};

}  // namespace hd::service
