#include "service/transitions.hpp"

#include <optional>

#include "service/visibility.hpp"
#include "workflow/diagram.hpp"

namespace hd::service {

using core::ports::Tx;

Result<std::vector<workflow::AvailableTransition>> Transitions::Available(const Actor& actor,
                                                                          core::TicketId id) {
  std::vector<workflow::AvailableTransition> out;
  const auto now = clock_.Now();
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket ticket, LoadReadableTicket(tx, actor, id));
    HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(id));
    if (!state) return Ok();
    HD_ASSIGN_OR_RETURN(ProcessPtr process,
                        engine_.catalog().Get(tx, state->process_id, state->version));
    HD_ASSIGN_OR_RETURN(workflow::TicketView view, engine_.View(tx, ticket, *state));
    out =
        workflow::AvailableTransitions(*process, view, workflow::Actor{actor.id, actor.role}, now);
    return Ok();
  }));
  return out;
}

Result<core::Ticket> Transitions::Fire(const Actor& actor, core::TicketId id,
                                       const FireInput& input) {
  std::optional<core::Ticket> result;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket ticket, LoadReadableTicket(tx, actor, id));
    const auto now = clock_.Now();
    HD_RETURN_IF_ERROR(engine_.Fire(tx, ticket, actor, input, now));
    HD_RETURN_IF_ERROR(engine_.Describe(tx, actor, ticket));
    if (engine_.sla() != nullptr)
      HD_RETURN_IF_ERROR(engine_.sla()->Describe(tx, ticket, now, actor));
    result = std::move(ticket);
    return Ok();
  }));
  return std::move(*result);
}

Result<std::string> Transitions::Diagram(const Actor& actor, core::TicketId id) {
  std::string dot;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, id));
    HD_ASSIGN_OR_RETURN(auto running, engine_.Load(tx, id));
    workflow::DiagramOptions options;
    options.current_state = running.state.state;
    if (!actor.language.empty()) options.language = actor.language;
    for (const auto& step : running.state.path) options.path.push_back(step.state);
    dot = workflow::ToDot(*running.process, options);
    return Ok();
  }));
  auto renderer = engine_.renderer();
  if (!renderer) return Error::Unavailable("diagram rendering is not available on this server");
  return renderer->RenderSvg(dot);
}

}  // namespace hd::service
