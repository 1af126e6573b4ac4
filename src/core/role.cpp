#include "core/role.hpp"

namespace hd::core {

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kCustomer:
      return "customer";
    case Role::kL1Operator:
      return "l1_operator";
    case Role::kIncidentManager:
      return "incident_manager";
    case Role::kTester:
      return "tester";
    case Role::kItOperator:
      return "it_operator";
    case Role::kDeveloper:
      return "developer";
    case Role::kRfcBoard:
      return "rfc_board";
    case Role::kIntegrator:
      return "integrator";
    case Role::kAdministrator:
      return "administrator";
  }
  return "customer";
}

std::optional<Role> ParseRole(std::string_view id) {
  for (Role role : kAllRoles) {
    if (ToString(role) == id) return role;
  }
  return std::nullopt;
}

}  // namespace hd::core
